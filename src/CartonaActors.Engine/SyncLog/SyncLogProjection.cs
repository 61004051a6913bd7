using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using CartonaActors.Domain.SyncLog;
using CartonaActors.Engine.Configuration;

namespace CartonaActors.Engine.SyncLog;

/// <summary>
/// The cluster's one sync log projection (a remembered entity, so its shard keeps it running on some node). It reads
/// the tagged events from the offset stored with the rows, maps each with <see cref="SyncLogRows"/> and writes rows
/// and the new offset in one transaction. A failure (the database away, a bad write) restarts the stream with
/// backoff from the stored offset; nothing on the sync path waits for it. It also prunes the table periodically.
/// </summary>
public sealed class SyncLogProjection : ReceiveActor, IWithTimers
{
    public const string Id = "projection";
    private const int BatchEvents = 500;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SyncLogDatabase _database;
    private readonly SyncLogStore _store;
    private readonly SyncLogRetention _retention;
    private readonly SyncLogOptions _options;
    private UniqueKillSwitch? _stream;
    private long _offset;
    private long _rowsWritten;
    private bool _pruning;

    public static Props PropsFor(SyncLogDatabase database, SyncLogOptions options) => Props.Create(() => new SyncLogProjection(database, options));

    public SyncLogProjection(SyncLogDatabase database, SyncLogOptions options)
    {
        _database = database;
        _options = options;
        _store = new SyncLogStore(database);
        _retention = new SyncLogRetention(database, TimeSpan.FromDays(options.RetentionDays), options.MaxRows, options.PruneBatch);

        Receive<Written>(w =>
        {
            _offset = w.Offset;
            _rowsWritten += w.Rows;
        });
        Receive<GetSyncLogProjection>(_ => Sender.Tell(new SyncLogProjectionStatus(_stream is not null, _offset, _rowsWritten)));
        Receive<StartSyncLogProjection>(_ => { });
        Receive<Prune>(_ => StartPruning());
        Receive<Pruned>(p =>
        {
            _pruning = false;
            if (p.Failure is { } ex) _log.Warning(ex, "Sync log pruning failed; trying again in {Interval}", _options.PruneEvery);
            else if (p.Deleted > 0) _log.Info("Sync log pruned {Rows} rows (retention {Days} days, at most {MaxRows} rows)", p.Deleted, _options.RetentionDays, _options.MaxRows);
        });
        Receive<StopEntity>(_ => Context.Stop(Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var self = Self;
        var settings = RestartSettings.Create(_options.MinBackoff, _options.MaxBackoff, 0.2);
        _stream = RestartSource.OnFailuresWithBackoff(() => FromStoredOffset(journal), settings)
            .ViaMaterialized(KillSwitches.Single<Written>(), Keep.Right)
            .To(Sink.ForEach<Written>(w => self.Tell(w)))
            .Run(Context.System.Materializer());
        Timers.StartPeriodicTimer("prune", Prune.Instance, TimeSpan.FromSeconds(10), _options.PruneEvery);
    }

    protected override void PostStop() => _stream?.Shutdown();

    /// <summary>One run of the stream: from the offset the table holds now, so a restart repeats nothing. A
    /// projection that has stored nothing yet first reads the whole journal (see <see cref="Backfill"/>).</summary>
    private Source<Written, NotUsed> FromStoredOffset(SqlReadJournal journal) =>
        Source.FromTask(StartAsync())
            .ConcatMany(from => (from == 0 && _options.Backfill ? Backfill(journal) : Tagged(journal, from)).Via(After(from)))
            .GroupedWithin(BatchEvents, BatchWindow)
            .SelectAsync(1, WriteAsync);

    private static Source<EventEnvelope, NotUsed> Tagged(SqlReadJournal journal, long from) =>
        journal.EventsByTag(SyncLogTagger.Tag, Offset.Sequence(from));

    /// <summary>Only events past every journal position passed on before: the query contract calls an offset
    /// exclusive, and the backfill's two queries overlap where one hands over to the other.</summary>
    private static Flow<EventEnvelope, EventEnvelope, NotUsed> After(long from)
    {
        var high = from;
        return Flow.Create<EventEnvelope>().Where(e =>
        {
            if (e.Offset is not Sequence s || s.Value <= high) return false;
            high = s.Value;
            return true;
        });
    }

    /// <summary>
    /// A journal written before its events were tagged (an upgrade from a release without this log) holds history
    /// the tag query never returns. So the first run reads every event there is, in journal order (the tag query's
    /// offsets are the same journal positions), mapping what makes rows and passing over the rest, then follows the
    /// tag from a position it has read up to. The offset it stores on the way makes this happen once.
    /// </summary>
    private Source<EventEnvelope, NotUsed> Backfill(SqlReadJournal journal)
    {
        var read = 0L;
        _log.Info("Sync log projection has stored nothing yet: reading the whole journal once for the events written before it");
        return journal.CurrentAllEvents(Offset.NoOffset())
            .Select(e =>
            {
                if (e.Offset is Sequence s) Interlocked.Exchange(ref read, Math.Max(Interlocked.Read(ref read), s.Value));
                return e;
            })
            .Concat(Source.Single(NotUsed.Instance).ConcatMany(_ =>
            {
                var from = Interlocked.Read(ref read);
                _log.Info("Sync log backfill read the journal up to position {Ordering}; following the tagged events from there", from);
                return Tagged(journal, from);
            }));
    }

    private async Task<long> StartAsync()
    {
        try
        {
            await _database.EnsureSchemaAsync();
            var from = await _store.ReadOffsetAsync();
            _log.Info("Sync log projection reading tagged events after journal position {Ordering}", from);
            return from;
        }
        catch (Exception ex)
        {
            _log.Warning(ex, "Sync log projection could not start; trying again with backoff");
            throw;
        }
    }

    private async Task<Written> WriteAsync(IEnumerable<EventEnvelope> batch)
    {
        var events = batch.ToList();
        var rows = events.SelectMany(RowsOf).ToList();
        var offset = ((Sequence)events[^1].Offset).Value;
        try
        {
            await _store.AppendAsync(rows, offset);
        }
        catch (Exception ex)
        {
            _log.Warning(ex, "Sync log projection could not write {Rows} rows up to journal position {Ordering}; restarting with backoff", rows.Count, offset);
            throw;
        }
        return new Written(offset, rows.Count);
    }

    private IReadOnlyList<SyncLogRow> RowsOf(EventEnvelope e)
    {
        try
        {
            return SyncLogRows.Of(e.Event, JournaledAt(e.Timestamp));
        }
        catch (Exception ex)
        {
            // A row is not worth stopping the log for: the event stays in the journal.
            _log.Warning(ex, "Sync log skipped event {PersistenceId}/{SequenceNr} it could not read", e.PersistenceId, e.SequenceNr);
            return [];
        }
    }

    /// <summary>The SQL journal stamps each row with the UTC ticks of its write.</summary>
    private static DateTimeOffset JournaledAt(long ticks) =>
        ticks > DateTime.MinValue.Ticks && ticks < DateTime.MaxValue.Ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : DateTimeOffset.UtcNow;

    private void StartPruning()
    {
        if (_pruning) return;
        _pruning = true;
        _retention.PruneAsync(DateTimeOffset.UtcNow).PipeTo(Self, success: n => new Pruned(n, null), failure: ex => new Pruned(0, ex));
    }

    private sealed record Written(long Offset, int Rows);
    private sealed record Pruned(long Deleted, Exception? Failure);

    private sealed class Prune
    {
        public static readonly Prune Instance = new();
    }
}
