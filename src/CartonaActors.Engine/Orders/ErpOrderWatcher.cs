using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using CartonaActors.Engine.Erp;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Orders;

/// <summary>
/// Webhook hints for sale.order and stock.picking: gathered for a window, resolved to sale orders, read in one
/// batch and handed to their order entities; read once more after the settle delay because Odoo 18 posts before
/// it commits. The sale.order poller is the backstop.
/// </summary>
public sealed class ErpOrderWatcher : ReceiveActor, IWithTimers
{
    private readonly IOdooSales _sales;
    private readonly ErpOrderRouting _routing;
    private readonly TimeSpan _window;
    private readonly TimeSpan _settle;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<long> _orders = [];
    private readonly HashSet<long> _pickings = [];
    private readonly HashSet<long> _settling = [];
    private IActorRef _orderRegion = ActorRefs.Nobody;
    private bool _reading;
    private long _settleSeq;

    public static Props PropsFor(IOdooSales sales, ErpOrderRouting routing, TimeSpan window, TimeSpan settle) =>
        Props.Create(() => new ErpOrderWatcher(sales, routing, window, settle));

    public ErpOrderWatcher(IOdooSales sales, ErpOrderRouting routing, TimeSpan window, TimeSpan settle)
    {
        _sales = sales;
        _routing = routing;
        _window = window;
        _settle = settle;
        Receive<ErpRecordsTouched>(m =>
        {
            (m.Model == "stock.picking" ? _pickings : _orders).UnionWith(m.RecordIds);
            if (!Timers.IsTimerActive("window")) Timers.StartSingleTimer("window", Flush.Instance, _window);
        });
        Receive<SettleDue>(m =>
        {
            _settling.UnionWith(m.SaleOrderIds);
            Self.Tell(Flush.Instance);
        });
        Receive<Flush>(_ => Read());
        Receive<ReadDone>(d =>
        {
            _reading = false;
            if (d.FirstReads.Count > 0) Timers.StartSingleTimer(("settle", ++_settleSeq), new SettleDue(d.FirstReads), _settle);
            if (_orders.Count + _pickings.Count + _settling.Count > 0) Timers.StartSingleTimer("window", Flush.Instance, _window);
        });
        Receive<ReadFailed>(f =>
        {
            _reading = false;
            _orders.UnionWith(f.Orders);
            _pickings.UnionWith(f.Pickings);
            _log.Warning("Reading changed sale orders from Odoo failed ({Reason}); retrying in 5 s", f.Reason);
            Timers.StartSingleTimer("window", Flush.Instance, TimeSpan.FromSeconds(5));
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => _orderRegion = ActorRegistry.For(Context.System).Get<OrderRegion>();

    private void Read()
    {
        if (_reading || _orders.Count + _pickings.Count + _settling.Count == 0) return;
        _reading = true;
        var orders = _orders.ToList();
        var pickings = _pickings.ToList();
        var settling = _settling.ToList();
        _orders.Clear();
        _pickings.Clear();
        _settling.Clear();
        ReadAsync(orders, pickings, settling).PipeTo(Self,
            failure: ex => new ReadFailed(orders.Concat(settling).ToList(), pickings, ex is OdooException ? ex.Message : ex.GetType().Name));
    }

    private async Task<ReadDone> ReadAsync(List<long> orders, List<long> pickings, List<long> settling)
    {
        var ids = new HashSet<long>(orders);
        if (pickings.Count > 0) ids.UnionWith(await _sales.SaleOrderIdsOfPickingsAsync(pickings, CancellationToken.None));
        var fresh = ids.ToList();
        ids.UnionWith(settling);
        var read = await _sales.ReadSaleOrdersAsync(ids, CancellationToken.None);
        _routing.Route(read, _orderRegion);
        return new ReadDone(fresh);
    }

    private sealed class Flush
    {
        public static readonly Flush Instance = new();
    }

    private sealed record SettleDue(IReadOnlyList<long> SaleOrderIds);

    private sealed record ReadDone(IReadOnlyList<long> FirstReads);

    private sealed record ReadFailed(List<long> Orders, List<long> Pickings, string Reason);
}
