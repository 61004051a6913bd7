using Akka.Actor;
using CartonaActors.Engine.Hosting;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;

namespace CartonaActors.Engine.Products;

/// <summary>
/// Follows every product (and product range) event in the journal from a stored position and asks its product to confirm that the
/// push slices hold what the event means (<see cref="EnsureOffered"/>). The stored position only moves past an
/// event once its product answered, so after a crash exactly the products with unoffered changes are started
/// again, and a restart with nothing pending starts none. Costs no journal write per product: only its position,
/// in a snapshot, about once a second. On a journal it has never followed it starts at the beginning: a journal
/// written before push slices is offered once, product by product, as it is read.
/// </summary>
public sealed class ProductChangeFollower : ReceivePersistentActor, IWithTimers
{
    public const string Id = "product-change-follower";
    private const int MaxOpen = 20_000;
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AskAgainAfter = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RestartStreamAfter = TimeSpan.FromSeconds(2);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SortedDictionary<long, (string Id, long Version, bool Range, DateTimeOffset AskedAt)> _open = new();
    private IActorRef _products = ActorRefs.Nobody;
    private IActorRef _ranges = ActorRefs.Nobody;
    private IActorRef? _streamWaitingForAck;
    private UniqueKillSwitch? _stream;
    private long? _recovered;
    private long _highestSeen;
    private long _saved;
    private long _saving;
    private bool _catchingUp;

    public static Props PropsFor() => Props.Create(() => new ProductChangeFollower());

    public ProductChangeFollower()
    {
        (JournalPluginId, SnapshotPluginId) = JournalPlugins.Of(Context.System);
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is ProductFollowerOffset o) _recovered = o.Ordering;
        });

        Command<StartAt>(m => Follow(m.Ordering));
        Command<StreamStarted>(_ => Sender.Tell(StreamAck.Instance));
        Command<Seen>(m =>
        {
            if (m.Ordering > _highestSeen) _highestSeen = m.Ordering;
            if (m.Id is { } id)
            {
                _open[m.Ordering] = (id, m.Version, m.Range, DateTimeOffset.UtcNow);
                Ask(id, m.Version, m.Range, m.Ordering);
            }
            if (_open.Count < MaxOpen) Sender.Tell(StreamAck.Instance);
            else _streamWaitingForAck = Sender;
        });
        Command<ProductOffered>(m =>
        {
            _open.Remove(m.Ordering);
            if (_streamWaitingForAck is { } s && _open.Count < MaxOpen / 2)
            {
                _streamWaitingForAck = null;
                s.Tell(StreamAck.Instance);
            }
        });
        Command<StreamEnded>(m =>
        {
            _log.Warning("Product change follower's journal stream ended ({Reason}); following again from {Ordering}", m.Reason ?? "completed", Safe);
            _stream = null;
            _streamWaitingForAck = null;
            Timers.StartSingleTimer("restart", new StartAt(Safe), RestartStreamAfter);
        });
        Command<Tick>(_ => SaveAndAskAgain());
        Command<StartProductFollower>(_ => { });
        Command<GetFollowerPosition>(_ => Sender.Tell(new FollowerPosition(_stream is not null, _saved, _highestSeen, _open.Count)));
        Command<StopEntity>(_ => Context.Stop(Self));
        Command<SaveSnapshotSuccess>(s =>
        {
            _saved = Math.Max(_saved, _saving);
            DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1));
        });
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Product change follower could not save its position"));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId => Id;
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Every product event at or before this position is offered.</summary>
    private long Safe => _open.Count == 0 ? _highestSeen : _open.Keys.First() - 1;

    protected override void PreStart()
    {
        _products = ActorRegistry.For(Context.System).Get<ProductRegion>();
        _ranges = ActorRegistry.For(Context.System).Get<ProductRangeRegion>();
        Timers.StartPeriodicTimer("tick", new Tick(), SaveEvery);
        base.PreStart();
    }

    protected override void OnReplaySuccess()
    {
        _catchingUp = true;
        Follow(_recovered ?? 0);
    }

    protected override void PostStop()
    {
        _stream?.Shutdown();
        base.PostStop();
    }

    private void Follow(long from)
    {
        _highestSeen = Math.Max(_highestSeen, from);
        _saved = _saving = from;
        _stream?.Shutdown();
        _log.Info("Product change follower following product events after journal position {Ordering}", from);
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        // The query contract calls the offset exclusive; filtering keeps that true whatever a journal plugin does,
        // or the product of the event at the stored position would be started on every restart.
        _stream = journal.AllEvents(Offset.Sequence(from))
            .Where(e => e.Offset is Sequence s && s.Value > from)
            .Select(ToSeen)
            .ViaMaterialized(KillSwitches.Single<Seen>(), Keep.Right)
            .To(Sink.ActorRefWithAck<Seen>(Self, new StreamStarted(), StreamAck.Instance, new StreamEnded(null), ex => new StreamEnded(ex.GetType().Name + ": " + ex.Message)))
            .Run(Context.System.Materializer());
    }

    private static Seen ToSeen(EventEnvelope e)
    {
        var ordering = ((Sequence)e.Offset).Value;
        if (!e.PersistenceId.StartsWith("product-", StringComparison.Ordinal)) return new Seen(ordering, null, 0, false);
        return e.Event switch
        {
            IProductEvent p and not PushAcknowledged and not PushRejected => new Seen(ordering, p.ProductId, p.Version, false),
            ProductRangeUpdated r => new Seen(ordering, r.RangeId, 0, true),
            _ => new Seen(ordering, null, 0, false),
        };
    }

    private void Ask(string id, long version, bool range, long ordering)
    {
        if (range) _ranges.Tell(new EnsureRangeOffered(id, ordering));
        else _products.Tell(new EnsureOffered(id, version, ordering));
    }

    private void SaveAndAskAgain()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (ordering, open) in _open.Where(o => now - o.Value.AskedAt > AskAgainAfter).ToList())
        {
            _open[ordering] = open with { AskedAt = now };
            Ask(open.Id, open.Version, open.Range, ordering);
        }
        if (_catchingUp && _open.Count == 0)
        {
            _catchingUp = false;
            _log.Info("Product change follower caught up at journal position {Ordering}", _highestSeen);
        }
        var safe = Safe;
        if (safe <= _saving) return;
        _saving = safe;
        SaveSnapshot(new ProductFollowerOffset(safe));
    }

    private sealed record StartAt(long Ordering);
    /// <summary>An event of a product (or, with <see cref="Range"/>, of a product range) to confirm offered.</summary>
    private sealed record Seen(long Ordering, string? Id, long Version, bool Range);
    private sealed record StreamStarted;
    private sealed record StreamEnded(string? Reason);
    private sealed record Tick;

    private sealed class StreamAck
    {
        public static readonly StreamAck Instance = new();
    }
}
