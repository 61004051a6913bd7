using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Roster;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Engine.Products;

/// <summary>
/// One product: its ERP values, its listings and what each marketplace has confirmed. Changes are persisted
/// first, then pushed after a debounce; unconfirmed pushes are sent again until confirmed, across restarts.
/// Before handling anything it enlists in the product roster, which wakes it after a crash; it leaves the
/// roster only when it stops with every marketplace confirmed.
/// </summary>
public sealed class ProductEntity : ReceivePersistentActor, IWithTimers
{
    private const string FlushTimer = "flush";
    private const string ResendTimer = "resend";

    private readonly ProductEntitySettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private ProductState _state;
    private DateTimeOffset? _firstUnpushedChange;
    private DateTimeOffset _lastChange;
    private long _lastSnapshotSequenceNr;
    private IActorRef _marketplaces = ActorRefs.Nobody;
    private IActorRef _roster = ActorRefs.Nobody;
    private readonly string _rosterId;
    private bool _enlisted;

    public static Props PropsFor(string productId, ProductEntitySettings settings) =>
        Props.Create(() => new ProductEntity(productId, settings));

    public ProductEntity(string productId, ProductEntitySettings settings)
    {
        _settings = settings;
        _state = ProductState.Empty(productId);
        PersistenceId = "product-" + productId;
        _rosterId = RosterBuckets.Of(productId, settings.RosterBuckets);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is ProductState snapshot) _state = WithOrdinalKeys(snapshot);
            _lastSnapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<IProductEvent>(e => _state = ProductRules.Apply(_state, e));

        Enlisting();
    }

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    private void Active()
    {
        Command<UpdateProduct>(cmd =>
        {
            if (_enlisted)
            {
                HandleUpdate(cmd);
                return;
            }
            // Work arrived after discharge, before the stop: enlist again before writing.
            Stash.Stash();
            Become(Enlisting);
            RequestEnlistment();
        });
        Command<ConfirmPush>(c => PersistIfAny(ProductRules.Decide(_state, c)));
        Command<HoldOrderQuantity>(c => PersistChange(ProductRules.Decide(_state, c)));
        Command<ReleaseOrderQuantity>(c => PersistChange(ProductRules.Decide(_state, c)));
        Command<RejectPush>(c =>
        {
            if (ProductRules.Decide(_state, c) is not { } rejected) return;
            _log.Warning("Product {ProductId} refused by {ConnectionId} at version {Version}: {Reason}",
                c.ProductId, c.ConnectionId, c.Version, c.Reason);
            PersistIfAny(rejected);
        });
        Command<GetProduct>(_ => Sender.Tell(_state));
        Command<FlushPushes>(_ => Flush());
        Command<WakeProduct>(_ => { });
        Command<ReceiveTimeout>(_ =>
        {
            // Timers keep the entity alive through ReceiveTimeout while anything is unconfirmed.
            if (PendingPushes().Count > 0) return;
            _roster.Tell(new DischargeProduct(_rosterId, _state.ProductId));
            _enlisted = false;
            Context.Parent.Tell(new Passivate(StopEntity.Instance));
        });
        Command<StopEntity>(_ => Context.Stop(Self));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Snapshot of {PersistenceId} failed", PersistenceId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    /// <summary>Everything waits until the roster has recorded this product as active.</summary>
    private void Enlisting()
    {
        Command<ProductEnlistedReply>(_ =>
        {
            _enlisted = true;
            Become(Active);
            Stash.UnstashAll();
            if (PendingPushes().Count > 0) NoteChange();
        });
        Command<EnlistmentFailed>(f =>
        {
            _log.Warning("Product {ProductId} could not enlist in {RosterId} ({Reason}); retrying", _state.ProductId, _rosterId, f.Reason);
            Timers.StartSingleTimer("enlist", RetryEnlistment.Instance, TimeSpan.FromSeconds(1));
        });
        Command<RetryEnlistment>(_ => RequestEnlistment());
        Command<StopEntity>(_ => Context.Stop(Self));
        CommandAny(_ => Stash.Stash());
    }

    private void RequestEnlistment() =>
        _roster.Ask<ProductEnlistedReply>(new EnlistProduct(_rosterId, _state.ProductId), TimeSpan.FromSeconds(5))
            .PipeTo(Self, failure: ex => new EnlistmentFailed(ex.GetType().Name));

    protected override void PreStart()
    {
        _marketplaces = ActorRegistry.For(Context.System).Get<MarketplaceRegion>();
        _roster = ActorRegistry.For(Context.System).Get<RosterRegion>();
        SetReceiveTimeout(_settings.PassivateIdleAfter);
        base.PreStart();
    }

    // Timers die with the actor: once enlisted, whatever was unconfirmed before the stop is pushed again.
    protected override void OnReplaySuccess() => RequestEnlistment();

    private void HandleUpdate(UpdateProduct cmd)
    {
        var (events, error) = ProductRules.Decide(_state, cmd, _settings.IsKnownConnection);
        if (error is not null)
        {
            _log.Warning("Update of product {ProductId} refused: {Error}", cmd.ProductId, error);
            Sender.Tell(new ProductUpdateResult(cmd.ProductId, false, _state.Version, 0, error));
            return;
        }
        if (events.Count == 0)
        {
            Sender.Tell(new ProductUpdateResult(cmd.ProductId, true, _state.Version, 0, null));
            return;
        }
        var replyTo = Sender;
        var written = 0;
        PersistAll(events, e =>
        {
            _state = ProductRules.Apply(_state, e);
            if (++written < events.Count) return;
            replyTo.Tell(new ProductUpdateResult(cmd.ProductId, true, _state.Version, written, null));
            AfterPersist();
            NoteChange();
        });
    }

    /// <summary>A change that alters what marketplaces should show (like an ERP update), but from an order.</summary>
    private void PersistChange(IProductEvent? evt)
    {
        if (evt is null) return;
        if (!_enlisted)
        {
            Stash.Stash();
            Become(Enlisting);
            RequestEnlistment();
            return;
        }
        Persist(evt, e =>
        {
            _state = ProductRules.Apply(_state, e);
            AfterPersist();
            NoteChange();
        });
    }

    private void PersistIfAny(IProductEvent? evt)
    {
        if (evt is null) return;
        Persist(evt, e =>
        {
            _state = ProductRules.Apply(_state, e);
            AfterPersist();
            if (PendingPushes().Count == 0) Timers.Cancel(ResendTimer);
        });
    }

    private void AfterPersist()
    {
        if (LastSequenceNr - _lastSnapshotSequenceNr < _settings.SnapshotEvery) return;
        _lastSnapshotSequenceNr = LastSequenceNr;
        SaveSnapshot(_state);
    }

    /// <summary>Restarts the quiet window, capped by the maximum delay since the first unpushed change.</summary>
    private void NoteChange()
    {
        var now = DateTimeOffset.UtcNow;
        _firstUnpushedChange ??= now;
        _lastChange = now;
        Timers.StartSingleTimer(FlushTimer, FlushPushes.Instance,
            _settings.Debounce.DelayFrom(now, _firstUnpushedChange.Value, _lastChange));
    }

    private void Flush()
    {
        _firstUnpushedChange = null;
        Timers.Cancel(FlushTimer);
        var pending = PendingPushes();
        if (pending.Count == 0)
        {
            Timers.Cancel(ResendTimer);
            return;
        }
        foreach (var item in pending) _marketplaces.Tell(new EnqueuePush(item.ConnectionId, item));
        Timers.StartSingleTimer(ResendTimer, FlushPushes.Instance, _settings.ResendAfter);
    }

    private IReadOnlyList<PushItem> PendingPushes() => ProductRules.PendingPushes(_state, _settings.ScopeOf);

    private static ProductState WithOrdinalKeys(ProductState s) => s with
    {
        OrderHolds = s.OrderHolds?.WithComparers(StringComparer.Ordinal),
        StockByWarehouse = s.StockByWarehouse.WithComparers(StringComparer.Ordinal),
        Listings = s.Listings.WithComparers(StringComparer.Ordinal),
    };

    /// <summary>Timer tick: push what is pending now.</summary>
    private sealed class FlushPushes
    {
        public static readonly FlushPushes Instance = new();
    }

    private sealed class RetryEnlistment
    {
        public static readonly RetryEnlistment Instance = new();
    }

    private sealed record EnlistmentFailed(string Reason);
}
