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
/// the tagged events (the whole journal once first: <see cref="SyncLogEvents"/>) from the offset stored with the
/// rows, maps each with <see cref="SyncLogRows"/> and writes rows
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

    /// <summary>One run of the stream: from the offset the table holds now, so a restart repeats nothing.</summary>
    private Source<Written, NotUsed> FromStoredOffset(SqlReadJournal journal) =>
        Source.FromTask(StartAsync())
            .ConcatMany(start => SyncLogEvents.After(journal, start.Offset, _options.Backfill && !start.Backfilled, _log))
            .GroupedWithin(BatchEvents, BatchWindow)
            .SelectAsync(1, WriteAsync);

    private async Task<(long Offset, bool Backfilled)> StartAsync()
    {
        try
        {
            await _database.EnsureSchemaAsync();
            var from = await _store.ReadOffsetAsync();
            var backfilled = await _store.BackfilledAsync();
            _log.Info("Sync log projection reading events after journal position {Ordering}", from);
            return (from, backfilled);
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
        var offset = events.Max(e => ((Sequence)e.Offset).Value);
        try
        {
            await _store.AppendAsync(rows, offset, backfilled: events.Any(e => e.Event is SyncLogEvents.BackfillHandedOver));
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
