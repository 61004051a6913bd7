using Akka.Actor;
using CartonaActors.Engine.Hosting;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using CartonaActors.Domain.Pushes;
using CartonaActors.Domain.ReadBack;

namespace CartonaActors.Engine.Marketplaces;

/// <summary>
/// One slice of one connection's push bookkeeping (see <see cref="PushSlice"/>). Offers from products and
/// results from the marketplace entity are collected while a write is in flight and written as one event, so
/// the journal sees a handful of writes per bulk call however many products move; a product's offer is answered
/// only once durable. Remembered by its shard: it restarts with the node and announces what is still unsent.
/// </summary>
public sealed class PushSliceEntity : ReceivePersistentActor, IWithTimers
{
    private static readonly TimeSpan StaleCheck = TimeSpan.FromSeconds(5);

    private readonly PushSlice _slice;
    private readonly SliceReadBack _readBack = new();
    private readonly TimeSpan _handedTimeout;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly List<(IActorRef To, PushOfferStored Reply)> _repliesAfterWrite = [];
    private IActorRef _marketplaces = ActorRefs.Nobody;
    private bool _writing;
    // Writes issued and not yet answered. PersistAsync does not hold back StopEntity the way Persist does, and a
    // slice that stops with a write still on its way lets that write land after its next incarnation (on the node
    // the shard moved to) has recovered: two writers on one journal, whose replay then discards the later events.
    private int _pendingWrites;
    private bool _stopAfterWrites;
    private int _announced = -1;
    private long _eventsSinceSnapshot;

    public static Props PropsFor(string sliceId, TimeSpan handedTimeout) =>
        Props.Create(() => new PushSliceEntity(sliceId, handedTimeout));

    public PushSliceEntity(string sliceId, TimeSpan handedTimeout)
    {
        (JournalPluginId, SnapshotPluginId) = JournalPlugins.Of(Context.System);
        SliceId = sliceId;
        PersistenceId = "push-slice-" + sliceId;
        _handedTimeout = handedTimeout;
        _slice = new PushSlice(PushSliceIds.ConnectionOf(sliceId));

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is PushSliceSnapshot s) _slice.Restore(s);
        });
        Recover<PushSliceUpdated>(e => { _slice.Apply(e); _eventsSinceSnapshot++; });
        Recover<PushSliceResyncRequested>(e => { _slice.Apply(e); _eventsSinceSnapshot++; });
        Recover<PushesDrifted>(e => { _slice.Apply(e); _eventsSinceSnapshot++; });

        Command<OfferPush>(offer =>
        {
            var reply = new PushOfferStored(offer.ProductId, _slice.ConnectionId, offer.Version);
            if (!_slice.Offer(offer))
            {
                Sender.Tell(reply);
                return;
            }
            _repliesAfterWrite.Add((Sender, reply));
            WriteIfIdle();
        });
        Command<SettlePushes>(settle =>
        {
            _slice.Settle(settle);
            WriteIfIdle();
        });
        Command<TakePushes>(take =>
        {
            var items = _slice.Take(take.Max, DateTimeOffset.UtcNow);
            _announced = _slice.Waiting;
            Sender.Tell(new PushesTaken(SliceId, items, _slice.Waiting));
        });
        Command<ReleaseHandedPushes>(_ =>
        {
            _slice.ReleaseHanded();
            _announced = -1;
            Announce();
        });
        Command<ResyncPushSlice>(r =>
        {
            var replyTo = Sender;
            if (_stopAfterWrites) return; // the next incarnation answers the requester's retry
            PersistThen(new PushSliceResyncRequested(SliceId, _slice.Count, DateTimeOffset.UtcNow, r.ProductId), e =>
            {
                var entries = _slice.Apply(e);
                if (e.ProductId is { } one) _log.Info("{SliceId}: product {ProductId} to send again ({Entries} entry)", SliceId, one, entries);
                else _log.Info("{SliceId}: sync all requested, {Entries} products to send again", SliceId, entries);
                replyTo.Tell(new PushSliceResyncStarted(SliceId, entries));
                AfterWrite();
            });
        });
        Command<CompareListings>(page => SendAgain(_readBack.Compare(_slice, page), "show other values than they confirmed"));
        Command<FinishReadBack>(finish =>
        {
            var (missing, figures) = _readBack.Finish(_slice, finish);
            SendAgain(missing, "are not listed on the marketplace");
            Sender.Tell(figures);
        });
        Command<GetPushEntry>(q => Sender.Tell(_slice.View(q.ProductId)));
        Command<StartPushSlice>(_ => { });
        Command<CheckStale>(_ =>
        {
            if (_slice.ReleaseStale(DateTimeOffset.UtcNow, _handedTimeout) is > 0 and var n)
                _log.Warning("{SliceId}: {Count} products handed out {Timeout} ago were never settled; sendable again", SliceId, n, _handedTimeout);
            // Said again while anything waits: an announcement lost in a shard hand-off or to a dead node would
            // otherwise leave the marketplace entity believing this slice empty, and its products unsent for good.
            if (_slice.Waiting > 0) _announced = -1;
            Announce();
        });
        Command<StopEntity>(_ =>
        {
            _stopAfterWrites = true;
            StopIfWritten();
        });
        Command<SaveSnapshotSuccess>(s => DeleteMessages(s.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Snapshot of {PersistenceId} failed", PersistenceId));
        Command<DeleteMessagesSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.ToSequenceNr - 1)));
        Command<DeleteMessagesFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public string SliceId { get; }
    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _marketplaces = ActorRegistry.For(Context.System).Get<MarketplaceRegion>();
        Timers.StartPeriodicTimer("stale", CheckStale.Instance, StaleCheck);
        base.PreStart();
    }

    protected override void OnReplaySuccess()
    {
        if (_slice.Count > 0) _log.Info("{SliceId}: {Entries} products, {Waiting} to send", SliceId, _slice.Count, _slice.Waiting);
        Announce();
    }

    /// <summary>One write in flight at a time; whatever arrives meanwhile goes into the next one.</summary>
    private void WriteIfIdle()
    {
        if (_writing || _stopAfterWrites || _slice.NextWrite(SliceId) is not { } update) return;
        _writing = true;
        var replies = _repliesAfterWrite.ToList();
        _repliesAfterWrite.Clear();
        PersistThen(update, e =>
        {
            _slice.Apply(e);
            foreach (var (to, reply) in replies) to.Tell(reply);
            _writing = false;
            AfterWrite();
            WriteIfIdle();
        });
    }

    /// <summary>Read back as not showing what they confirmed: journaled, then sendable again.</summary>
    private void SendAgain(IReadOnlyList<DriftedPush> drifted, string why)
    {
        if (drifted.Count == 0 || _stopAfterWrites) return; // the next pass finds them again
        SyncMetrics.For(Context.System).Drifted(_slice.ConnectionId, drifted.Count);
        _log.Warning("{SliceId}: {Count} products {Why}, first {ProductId}; sending them again", SliceId, drifted.Count, why, drifted[0].ProductId);
        PersistThen(new PushesDrifted(SliceId, drifted, DateTimeOffset.UtcNow), e =>
        {
            _slice.Apply(e);
            AfterWrite();
        });
    }

    private void PersistThen<TEvent>(TEvent evt, Action<TEvent> handler)
    {
        _pendingWrites++;
        PersistAsync(evt, e =>
        {
            _pendingWrites--;
            handler(e);
            StopIfWritten();
        });
    }

    /// <summary>Stops once every write issued has been answered (what is collected meanwhile is not written: its
    /// senders repeat it to the next incarnation).</summary>
    private void StopIfWritten()
    {
        if (_stopAfterWrites && _pendingWrites == 0) Context.Stop(Self);
    }

    private void AfterWrite()
    {
        Announce();
        // A snapshot copies the whole slice: only once as many rows changed as it holds (or the replay grows long).
        if (++_eventsSinceSnapshot < 20 || (_slice.ChangedSinceSnapshot < Math.Max(1_000, _slice.Count) && _eventsSinceSnapshot < 5_000)) return;
        _eventsSinceSnapshot = 0;
        SaveSnapshot(_slice.Snapshot());
    }

    private void Announce()
    {
        if (_slice.Waiting == _announced) return;
        _announced = _slice.Waiting;
        _marketplaces.Tell(new PushesWaiting(_slice.ConnectionId, SliceId, _slice.Waiting));
    }

    private sealed class CheckStale
    {
        public static readonly CheckStale Instance = new();
    }
}
