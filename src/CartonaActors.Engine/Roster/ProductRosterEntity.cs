using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using CartonaActors.Domain.Roster;

namespace CartonaActors.Engine.Roster;

/// <summary>
/// One bucket of the product roster (see <see cref="EnlistProduct"/>). Remembered by its shard, so it restarts
/// with the node and wakes the products it lists, a slice at a time so the journal is not swamped by recoveries.
/// </summary>
public sealed class ProductRosterEntity : ReceivePersistentActor, IWithTimers
{
    private const int WakeSlice = 200;
    private static readonly TimeSpan WakeInterval = TimeSpan.FromMilliseconds(100);

    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly int _snapshotEvery;
    private Queue<string> _toWake = new();
    private long _lastSnapshotSequenceNr;
    private IActorRef _products = ActorRefs.Nobody;

    public static Props PropsFor(string rosterId, int snapshotEvery) => Props.Create(() => new ProductRosterEntity(rosterId, snapshotEvery));

    public ProductRosterEntity(string rosterId, int snapshotEvery)
    {
        _snapshotEvery = snapshotEvery;
        PersistenceId = rosterId;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is RosterSnapshot s) _active.UnionWith(s.ProductIds);
            _lastSnapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<ProductEnlisted>(e => _active.Add(e.ProductId));
        Recover<ProductDischarged>(e => _active.Remove(e.ProductId));

        Command<EnlistProduct>(m =>
        {
            if (_active.Contains(m.ProductId))
            {
                Sender.Tell(new ProductEnlistedReply(m.ProductId));
                return;
            }
            var replyTo = Sender;
            Persist(new ProductEnlisted(rosterId, m.ProductId), e =>
            {
                _active.Add(e.ProductId);
                replyTo.Tell(new ProductEnlistedReply(e.ProductId));
                MaybeSnapshot();
            });
        });
        Command<DischargeProduct>(m =>
        {
            if (!_active.Contains(m.ProductId)) return;
            Persist(new ProductDischarged(rosterId, m.ProductId), e =>
            {
                _active.Remove(e.ProductId);
                MaybeSnapshot();
            });
        });
        Command<StartRoster>(_ => { });
        Command<WakeNextSlice>(_ => WakeSome());
        Command<StopEntity>(_ => Context.Stop(Self));
        Command<SaveSnapshotSuccess>(s => DeleteMessages(s.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Snapshot of {PersistenceId} failed", PersistenceId));
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(_ => { });
    }

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _products = ActorRegistry.For(Context.System).Get<ProductRegion>();
        base.PreStart();
    }

    protected override void OnReplaySuccess()
    {
        if (_active.Count == 0) return;
        _log.Info("{RosterId}: waking {Count} products that were active before the restart", PersistenceId, _active.Count);
        _toWake = new Queue<string>(_active);
        Self.Tell(WakeNextSlice.Instance);
    }

    private void WakeSome()
    {
        for (var i = 0; i < WakeSlice && _toWake.Count > 0; i++) _products.Tell(new WakeProduct(_toWake.Dequeue()));
        if (_toWake.Count > 0) Timers.StartSingleTimer("wake", WakeNextSlice.Instance, WakeInterval);
    }

    private void MaybeSnapshot()
    {
        // The roster only needs its current set: snapshot and drop the events before it.
        if (LastSequenceNr - _lastSnapshotSequenceNr < _snapshotEvery) return;
        _lastSnapshotSequenceNr = LastSequenceNr;
        SaveSnapshot(new RosterSnapshot(_active.ToList()));
    }

    private sealed class WakeNextSlice
    {
        public static readonly WakeNextSlice Instance = new();
    }
}
