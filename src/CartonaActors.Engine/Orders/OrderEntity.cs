using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Orders;

/// <summary>
/// One marketplace order: every version as received, its ERP customer and sale order, and its status both ways.
/// It does one step at a time as <see cref="OrderRules.NextStep"/> decides, records each durable outcome before
/// the next step (the ERP order id before the acknowledgement), and backs off on failure. Being the only writer
/// for its order, with a look-up by client_order_ref before any create, it never makes a second sale order.
/// </summary>
public sealed class OrderEntity : ReceivePersistentActor, IWithTimers
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(2);

    private readonly OrderEntitySettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private OrderState _state;
    private readonly IOrderStatusModel _model;
    private readonly long? _orderWarehouseId;
    private OrderErpSteps _erp = null!;
    private IActorRef _marketplaces = ActorRefs.Nobody;
    private IActorRef _products = ActorRefs.Nobody;
    private Dictionary<string, decimal> _holdsSent = new(StringComparer.Ordinal);
    private bool _busy;
    // ERP work in flight when passivation or a hand-off asked the entity to stop: it stops once that work's
    // outcome is recorded, so a new incarnation never starts a second import beside a running one.
    private bool _erpWorkInFlight;
    private bool _stopRequested;
    private bool _reAcknowledge;
    private ErpOrderChanged? _erpChangeBeforeLink;
    private long _callId;
    private PendingCall? _pendingCall;
    private int _failures;
    private long _lastSnapshotSequenceNr;

    public static Props PropsFor(string orderId, OrderEntitySettings settings) => Props.Create(() => new OrderEntity(orderId, settings));

    public OrderEntity(string orderId, OrderEntitySettings settings)
    {
        _settings = settings;
        _state = OrderState.Empty(orderId);
        PersistenceId = "order-" + orderId;
        var connection = settings.Connections.GetValueOrDefault(OrderState.ConnectionOf(orderId) ?? "");
        // An order of a connection no longer configured keeps its journal; it waits, doing nothing, until the
        // connection is configured again.
        _model = connection?.Orders ?? UnconfiguredConnection.Instance;
        _orderWarehouseId = connection?.Settings.OrderWarehouseId;

        Recover<SnapshotOffer>(o =>
        {
            if (o.Snapshot is OrderState s) _state = s;
            _lastSnapshotSequenceNr = o.Metadata.SequenceNr;
        });
        Recover<IOrderEvent>(e => _state = OrderRules.Apply(_state, e));

        Command<ReceiveMarketplaceOrder>(m =>
        {
            var replyTo = Sender;
            if (_state.Latest is { } latest && latest.SameVersionAs(m.Order))
            {
                // Pulled again unchanged: an ack queue's acknowledgement was lost or is still to come; a cursor
                // source read it again through its overlap.
                _reAcknowledge = _model.AcknowledgesOrders && _state.AcknowledgedVersion >= _state.Version;
                replyTo.Tell(new OrderVersionStored(orderId));
                Advance();
                return;
            }
            Wake();
            Record([new OrderVersionReceived(orderId, _state.Version + 1, m.Order, DateTimeOffset.UtcNow)],
                onStored: () => replyTo.Tell(new OrderVersionStored(orderId)));
        });
        Command<ErpOrderChanged>(m =>
        {
            // The ERP can change the order while its import is still being recorded. The router sends a change only
            // once, so the newest one is kept until the sale order id is recorded, or the hold it ends stays forever.
            if (_state.SaleOrderId is null) _erpChangeBeforeLink = m;
            else Observe(m);
        });
        Command<DeliverWithOtp>(m =>
        {
            Sender.Tell(_state);
            Wake();
            (_state, var given) = OrderRules.GiveDeliveryCode(_state, m.Otp);
            Record([given]);
        });
        Command<GetOrder>(_ => Sender.Tell(_state));
        Command<RetryOrder>(_ =>
        {
            Timers.Cancel("retry");
            _failures = 0;
            Advance();
        });
        Command<StepDone>(d =>
        {
            _busy = false;
            StopOnceRecorded();
            _failures = 0;
            if (d.Recheck is { } recheck) Timers.StartSingleTimer("retry", new RetryOrder(orderId), recheck);
            if (d.Events.Count == 0) { if (d.Recheck is null) Advance(); return; }
            Record(d.Events, advance: d.Recheck is null);
        });
        Command<StepFailed>(f =>
        {
            _busy = false;
            StopOnceRecorded();
            _pendingCall = null;
            _failures++;
            var delay = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(_failures, 9))));
            _log.Warning("Order {OrderId}: {Step} failed ({Reason}); retrying in {Delay}", orderId, f.Step, f.Reason, delay);
            var events = f.Flag is { } flag && !_state.Flags.Contains(flag) ? new IOrderEvent[] { new OrderFlagged(orderId, flag) } : [];
            Timers.StartSingleTimer("retry", new RetryOrder(orderId), delay);
            if (events.Length > 0) Record(events, advance: false);
        });
        Command<OrderCallResult>(r =>
        {
            if (_pendingCall is not { } call || call.CallId != r.CallId) return;
            _pendingCall = null;
            Timers.Cancel("call");
            Self.Tell(r.Ok ? new StepDone(call.OnOk) : call.OnRefused(r.Reason ?? $"HTTP {r.StatusCode}"));
        });
        Command<CallTimedOut>(t =>
        {
            if (_pendingCall?.CallId == t.CallId) Self.Tell(new StepFailed("marketplace call", "no answer in time", null));
        });
        Command<StopEntity>(_ =>
        {
            if (_erpWorkInFlight)
            {
                _stopRequested = true;
                return;
            }
            // A marketplace call in flight is safe to leave: its answer reaches nobody, the next incarnation
            // makes the same (idempotent) call again.
            Context.Stop(Self);
        });
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        var registry = ActorRegistry.For(Context.System);
        _marketplaces = registry.Get<MarketplaceRegion>();
        _erp = new OrderErpSteps(_settings.Sales, _settings.Catalog, registry.Get<CustomerRegion>(), _orderWarehouseId, _log);
        _products = registry.Get<ProductRegion>();
        base.PreStart();
    }

    // A restart resumes where the journal says the order stands (e.g. created in the ERP, not yet acknowledged).
    protected override void OnReplaySuccess()
    {
        // Which holds the products still carry is not known after a restart: send every product of the order
        // its current hold or release (both are idempotent).
        _holdsSent = (_state.Latest?.Lines ?? []).Where(d => d.ListingKey is not null)
            .Select(d => d.ListingKey!).Distinct().ToDictionary(p => p, _ => -1m, StringComparer.Ordinal);
        SyncHolds();
        Self.Tell(new RetryOrder(_state.OrderId));
    }

    private void SyncHolds()
    {
        var wanted = OrderRules.HeldQuantities(_state, _model);
        foreach (var (product, qty) in wanted)
            if (!_holdsSent.TryGetValue(product, out var sent) || sent != qty)
                _products.Tell(new HoldOrderQuantity(product, _state.OrderId, _state.ConnectionId, qty));
        foreach (var product in _holdsSent.Keys.Where(p => !wanted.ContainsKey(p)))
            _products.Tell(new ReleaseOrderQuantity(product, _state.OrderId));
        _holdsSent = new Dictionary<string, decimal>(wanted, StringComparer.Ordinal);
    }

    private void Observe(ErpOrderChanged m)
    {
        if (m.State == _state.ErpState && m.DeliveryDone == _state.ErpDeliveryDone && m.Lines.SequenceEqual(_state.ErpLines)) return;
        Wake();
        Record([new ErpOrderObserved(_state.OrderId, m.State, m.DeliveryDone, m.Lines)]);
    }

    /// <summary>News from outside (a new version, an ERP change, an OTP) cuts short a backoff or a held re-check.</summary>
    private void Wake()
    {
        Timers.Cancel("retry");
        _failures = 0;
    }

    private void Record(IReadOnlyList<IOrderEvent> events, bool advance = true, Action? onStored = null)
    {
        var left = events.Count;
        PersistAll(events, e =>
        {
            _state = OrderRules.Apply(_state, e);
            Describe(e);
            if (--left > 0) return;
            onStored?.Invoke();
            SyncHolds();
            // Inside the write's callback, so a stop waiting behind it cannot come first.
            if (_state.SaleOrderId is not null && _erpChangeBeforeLink is { } early)
            {
                _erpChangeBeforeLink = null;
                Observe(early);
            }
            if (LastSequenceNr - _lastSnapshotSequenceNr >= _settings.SnapshotEvery)
            {
                _lastSnapshotSequenceNr = LastSequenceNr;
                SaveSnapshot(_state);
            }
            if (advance) Advance();
        });
    }

    /// <summary>A stop asked for during ERP work goes through once the work's events are stored: the repeated
    /// stop message waits behind them in the mailbox.</summary>
    private void StopOnceRecorded()
    {
        _erpWorkInFlight = false;
        if (_stopRequested) Self.Tell(StopEntity.Instance);
    }

    private void Advance()
    {
        if (_busy || _stopRequested || Timers.IsTimerActive("retry")) return;
        var step = OrderRules.NextStep(_state, _settings.Policy, _model);
        var id = _state.OrderId;
        switch (step)
        {
            case OrderStep.Nothing when _reAcknowledge && _state.Latest is not null:
                _reAcknowledge = false;
                Call(true, null, null, [], _ => new StepDone([]));
                break;
            case OrderStep.Nothing:
                break;
            case OrderStep.Import:
                Run("import", _erp.ImportAsync);
                break;
            case OrderStep.ReplaceErpLines:
                Run("replace lines", _erp.ReplaceLinesAsync);
                break;
            case OrderStep.ConfirmErpOrder c:
                Run("confirm", s => _erp.ApplyAsync(s, c.ForStatus, (sales, id) => sales.ConfirmSaleOrderAsync(id, CancellationToken.None)));
                break;
            case OrderStep.CancelErpOrder c:
                Run("cancel", s => _erp.ApplyAsync(s, c.ForStatus, (sales, id) => sales.CancelSaleOrderAsync(id, CancellationToken.None)));
                break;
            case OrderStep.ValidateErpDelivery c:
                Run("validate delivery", s => _erp.ApplyAsync(s, c.ForStatus, (sales, id) => sales.ValidateDeliveryAsync(id, CancellationToken.None)));
                break;
            case OrderStep.NoteErpStatus n:
                Record([new ErpStatusApplied(id, n.ForStatus)]);
                break;
            case OrderStep.Flag f:
                Record(f.SettleLines
                    ? [new OrderFlagged(id, f.Reason), new OrderLinesSettled(id, _state.Latest!.Lines, _state.LineByDetail, _state.Version)]
                    : [new OrderFlagged(id, f.Reason)]);
                break;
            case OrderStep.RefuseStatus r:
                Record([new MarketplaceStatusRefused(id, r.From, r.To, r.Reason)]);
                break;
            case OrderStep.Acknowledge a:
                Call(true, null, null, [new OrderAcknowledged(id, a.Version)],
                    reason => new StepFailed("acknowledge", reason, $"the marketplace refused the acknowledgement: {reason}"));
                break;
            case OrderStep.PushStatus p:
                var from = _state.MarketplaceStatus;
                Call(false, p.Update, null, [new MarketplaceStatusPushed(id, p.Update.Status)],
                    reason => new StepDone([new MarketplaceStatusRefused(id, from, p.Update.Status, $"the marketplace refused: {reason}")]));
                break;
            case OrderStep.PushLines l:
                Call(false, null, l.Changes, [new MarketplaceLinesPushed(id, l.Agreed, l.AddedErpLines)],
                    reason => new StepFailed("line edits", reason, $"the marketplace refused the line edits: {reason}"));
                break;
        }
    }

    /// <summary>Runs one ERP step off the actor, on the state as it is now (the work never reads the entity's
    /// fields, which change while it runs), once the node's <see cref="ErpOrderWork"/> lets it.</summary>
    private void Run(string step, Func<OrderState, Task<IReadOnlyList<IOrderEvent>>> work)
    {
        _busy = true;
        _erpWorkInFlight = true;
        var state = _state;
        _settings.ErpWork.RunAsync(() => work(state)).PipeTo(Self,
            success: events => events is [OrderHeld] ? new StepDone(events, _settings.HeldRecheck) : new StepDone(events),
            failure: ex => ex switch
            {
                OrderHeldException held => new StepDone(held.Events, _settings.HeldRecheck),
                OdooValidationException or OdooMissingRecordException or OdooAccessException =>
                    new StepFailed(step, ex.Message, $"the ERP refused to {step}: {ex.Message}"),
                _ => new StepFailed(step, ex is OdooException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", null),
            });
    }

    private void Call(bool acknowledge, OrderStatusUpdate? status, IReadOnlyList<OrderLineChange>? lines, IReadOnlyList<IOrderEvent> onOk,
        Func<string, object> onRefused)
    {
        _busy = true;
        var call = new PendingCall(++_callId, onOk, onRefused);
        _pendingCall = call;
        _marketplaces.Tell(new OrderCallRequest(_state.ConnectionId, _state.OrderId, call.CallId, _state.Latest!.Id, acknowledge, status, lines));
        Timers.StartSingleTimer("call", new CallTimedOut(call.CallId), CallTimeout);
    }

    private void Describe(IOrderEvent e)
    {
        if (OutcomeOf(e) is { } outcome) SyncMetrics.For(Context.System).Order(_state.ConnectionId, outcome);
        switch (e)
        {
            case OrderHeld h:
                _log.Warning("Order {OrderId} held (version {Version}): {Reason}", h.OrderId, h.Version, h.Reason);
                break;
            case OrderFlagged f:
                _log.Warning("Order {OrderId} needs attention: {Reason}", f.OrderId, f.Reason);
                break;
            case MarketplaceStatusRefused r:
                _log.Warning("Order {OrderId}: not sending {From} -> {To}: {Reason}", r.OrderId, r.From, r.To, r.Reason);
                break;
            case MarketplaceStatusPushed p: _log.Info("Order {OrderId}: the marketplace now shows {Status}", p.OrderId, p.Status); break;
            case ErpStatusApplied a when _model.StageOf(a.Status) is not (OrderStage.Pending or OrderStage.BuyerEditing):
                _log.Info("Order {OrderId}: ERP order updated for marketplace status {Status}", a.OrderId, a.Status); break;
        }
    }

    /// <summary>What an event (written now, not replayed) means for the orders-by-outcome figure.</summary>
    private static string? OutcomeOf(IOrderEvent e) => e switch
    {
        SaleOrderLinked => "imported",
        OrderHeld => "held",
        OrderFlagged => "failed",
        MarketplaceStatusPushed => "status_pushed",
        _ => null,
    };

    private sealed record StepDone(IReadOnlyList<IOrderEvent> Events, TimeSpan? Recheck = null);

    private sealed record StepFailed(string Step, string Reason, string? Flag);

    private sealed record PendingCall(long CallId, IReadOnlyList<IOrderEvent> OnOk, Func<string, object> OnRefused);

    private sealed record CallTimedOut(long CallId);
}
