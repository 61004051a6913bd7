using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;

namespace CartonaActors.Engine.Products;

/// <summary>
/// One product: its ERP values, versions, listings and order holds. A change is persisted first; after a
/// debounce the values each connection should show are offered to that connection's push slice, which owns
/// everything about sending, confirming and refusing. The product is done once every slice holds its offer
/// durably: confirmations never wake it. After a crash the product change follower wakes only products whose
/// recent events were not yet offered.
/// </summary>
public sealed class ProductEntity : ReceivePersistentActor, IWithTimers
{
    private const string FlushTimer = "flush";
    private const string AdoptTimer = "adopt";
    private static readonly TimeSpan AdoptAskAgainAfter = TimeSpan.FromSeconds(5);

    private readonly ProductEntitySettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly ProductOffers _offers;
    private ProductState _state;
    private DateTimeOffset? _firstUnpushedChange;
    private string? _firstUnpushedTrace;
    private DateTimeOffset _lastChange;
    private bool _flushDue;
    private long _lastSnapshotSequenceNr;
    private SliceOfferSender _sender = null!;

    public static Props PropsFor(string productId, ProductEntitySettings settings) =>
        Props.Create(() => new ProductEntity(productId, settings));

    public ProductEntity(string productId, ProductEntitySettings settings)
    {
        _settings = settings;
        _offers = new ProductOffers(settings.PushSlices);
        _state = ProductState.Empty(productId);
        PersistenceId = "product-" + productId;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is ProductState snapshot) _state = snapshot.WithOrdinalKeys();
            _lastSnapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<IProductEvent>(e => _state = Fold(_state, e));
        Ready();
    }

    private void Ready()
    {
        Command<UpdateProduct>(HandleUpdate);
        Command<HoldOrderQuantity>(c => PersistChange(ProductRules.Decide(_state, c)));
        Command<ReleaseOrderQuantity>(c => PersistChange(ProductRules.Decide(_state, c)));
        Command<PushOfferStored>(m =>
        {
            _offers.Stored(m);
            AnswerFollowersIfDone();
        });
        Command<EnsureOffered>(m =>
        {
            _sender.FollowerWaits(Sender, m.Ordering);
            // Started by the follower (a crash left this version unoffered): offer now, not after a debounce.
            if (!_flushDue) Flush();
            AnswerFollowersIfDone();
        });
        Command<GetProduct>(_ => Sender.Tell(_state));
        Command<FlushPushes>(_ => Flush());
        Command<ResendOffers>(_ => _sender.Resend(_offers.Unstored()));
        Command<ReceiveTimeout>(_ =>
        {
            // Timers keep the entity alive through ReceiveTimeout while anything is unoffered.
            if (!Done) return;
            Context.Parent.Tell(new Passivate(StopEntity.Instance));
        });
        Command<StopEntity>(_ =>
        {
            // A hand-off (or a node leaving) stops the product: offer what the debounce still holds first, so its
            // new home finds it in the slices instead of waiting for the follower to start it again.
            if (_flushDue) Flush();
            Context.Stop(Self);
        });
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Snapshot of {PersistenceId} failed", PersistenceId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void OnReplaySuccess()
    {
        // A product that never wrote an event may still be held by its range: take its state over first.
        if (LastSequenceNr == 0 && ProductRangeIds.Of(_state.ProductId) is { } range) Adopt(range);
        base.OnReplaySuccess();
    }

    /// <summary>Everything waits until the range answers: it answers only once it durably stopped owning the
    /// product, so from then on the range forwards every read of it here.</summary>
    private void Adopt(string rangeId)
    {
        var ranges = ActorRegistry.For(Context.System).Get<ProductRangeRegion>();
        var ask = new AdoptProduct(rangeId, _state.ProductId);
        ranges.Tell(ask);
        Timers.StartPeriodicTimer(AdoptTimer, AskRangeAgain.Instance, AdoptAskAgainAfter);
        Become(() =>
        {
            Command<ProductBaseline>(b =>
            {
                Timers.Cancel(AdoptTimer);
                if (b.Baseline is { Version: > 0 } baseline)
                    Persist(new ProductAdopted(_state.ProductId, baseline.Version, baseline), e =>
                    {
                        _state = Fold(_state, e);
                        NoteChange();
                        BecomeReady();
                    });
                else BecomeReady();
            });
            Command<AskRangeAgain>(_ => ranges.Tell(ask));
            Command<StopEntity>(_ => StopWhileAdopting());
            CommandAny(_ => Stash.Stash());
        });
    }

    /// <summary>A hand-off does not wait for the range's answer (the range may be moving too, and a stop that
    /// waits past the hand-off timeout loses the stash). What waits here goes back through the region, whose
    /// shard keeps it for the product's next start: an order's hold or release is never dropped.</summary>
    private void StopWhileAdopting()
    {
        var products = ActorRegistry.For(Context.System).Get<ProductRegion>();
        foreach (var waiting in Stash.ClearStash())
            if (waiting.Message is IWithProductId) products.Tell(waiting.Message, waiting.Sender);
        Context.Stop(Self);
    }

    private void BecomeReady()
    {
        Become(Ready);
        Stash.UnstashAll();
    }

    private bool Done => !_flushDue && _offers.AllStored;

    protected override void PreStart()
    {
        EngineCounters.For(Context.System).ProductStarted();
        _sender = new SliceOfferSender(_state.ProductId, ActorRegistry.For(Context.System).Get<PushSliceRegion>(), Timers, _settings.ResendAfter, _log);
        SetReceiveTimeout(_settings.PassivateIdleAfter);
        base.PreStart();
    }

    private ProductState Fold(ProductState state, IProductEvent e)
    {
        if (e is ProductUpdated { Unlinked: { } unlinked }) _offers.Unlinked(unlinked);
        else if (e is ListingUnlinked u) _offers.Unlinked([u.ConnectionId]);
        return ProductRules.Apply(state, e);
    }

    private void HandleUpdate(UpdateProduct cmd)
    {
        var (events, error) = ProductRules.Decide(_state, cmd, _settings.IsKnownConnection);
        var span = SyncTracing.StartAccept(cmd.ProductId, cmd.TraceParent);
        if (error is not null)
        {
            SyncTracing.End(span, "refused");
            _log.Warning("Update of product {ProductId} refused: {Error}", cmd.ProductId, error);
            Sender.Tell(new ProductUpdateResult(cmd.ProductId, false, _state.Version, 0, error));
            return;
        }
        if (events.Count == 0)
        {
            var outdated = ProductRules.IsOutdated(_state, cmd);
            var readAgain = ProductRules.NeedsReadAgain(_state, cmd, _settings.IsKnownConnection);
            if (outdated)
                _log.Debug("Product {ProductId}: ERP read from {ObservedAt:O} ignored, one from {Newest:O} is applied{Again}",
                    cmd.ProductId, cmd.ObservedAt, _state.ErpObservedAt, readAgain ? " (they ran at the same time: read again)" : "");
            _state = ProductRules.Observed(_state, cmd);
            SyncTracing.End(span, "unchanged");
            Sender.Tell(new ProductUpdateResult(cmd.ProductId, true, _state.Version, 0, null, outdated, readAgain));
            return;
        }
        var replyTo = Sender;
        var written = 0;
        PersistAll(events, e =>
        {
            _state = Fold(_state, e);
            if (++written < events.Count) return;
            replyTo.Tell(new ProductUpdateResult(cmd.ProductId, true, _state.Version, written, null));
            AfterPersist();
            NoteChange(span?.Id ?? cmd.TraceParent);
            SyncTracing.End(span, "accepted");
        });
    }

    /// <summary>A change that alters what marketplaces should show (like an ERP update), but from an order.</summary>
    private void PersistChange(IProductEvent? evt)
    {
        if (evt is null) return;
        Persist(evt, e =>
        {
            _state = Fold(_state, e);
            AfterPersist();
            NoteChange();
        });
    }

    private void AfterPersist()
    {
        if (LastSequenceNr - _lastSnapshotSequenceNr < _settings.SnapshotEvery) return;
        _lastSnapshotSequenceNr = LastSequenceNr;
        SaveSnapshot(_state);
    }

    /// <summary>Restarts the quiet window, capped by the maximum delay since the first unpushed change, whose
    /// accept time and trace the offers carry.</summary>
    private void NoteChange(string? traceParent = null)
    {
        var now = DateTimeOffset.UtcNow;
        if (_firstUnpushedChange is null)
        {
            _firstUnpushedChange = now;
            _firstUnpushedTrace = traceParent;
        }
        _lastChange = now;
        _flushDue = true;
        Timers.StartSingleTimer(FlushTimer, FlushPushes.Instance,
            _settings.Debounce.DelayFrom(now, _firstUnpushedChange.Value, _lastChange));
    }

    private void Flush()
    {
        var origin = _firstUnpushedChange is { } first ? new ChangeOrigin(_state.Version, first, _firstUnpushedTrace) : null;
        _firstUnpushedChange = null;
        _firstUnpushedTrace = null;
        _flushDue = false;
        Timers.Cancel(FlushTimer);
        _sender.Send(_offers.Due(_state, _settings.ScopeOf, origin), _offers.AllStored);
        AnswerFollowersIfDone();
    }

    private void AnswerFollowersIfDone() => _sender.AnswerFollowersIf(Done);

    /// <summary>Timer tick: offer what changed now.</summary>
    private sealed class FlushPushes
    {
        public static readonly FlushPushes Instance = new();
    }

    private sealed class AskRangeAgain
    {
        public static readonly AskRangeAgain Instance = new();
    }
}
