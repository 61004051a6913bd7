using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.SyncLog;

/// <summary>
/// What each journaled fact means in the sync log. Pure: the projection calls it for every tagged event it reads,
/// with the time the journal wrote the event (used where the event carries no time of its own).
/// </summary>
public static class SyncLogRows
{
    private const int NamedProducts = 5;

    /// <summary>The events that make rows; only these are tagged when they are written.</summary>
    public static readonly IReadOnlyList<Type> Sources =
    [
        typeof(PushBatchDelivered), typeof(PushBatchFailed), typeof(PushSliceUpdated), typeof(PushesDrifted),
        typeof(OrdersPulled), typeof(OrderVersionReceived), typeof(SaleOrderLinked), typeof(OrderHeld), typeof(OrderFlagged),
        typeof(OrderAcknowledged), typeof(ErpStatusApplied), typeof(MarketplaceStatusPushed), typeof(MarketplaceStatusRefused),
        typeof(OrderQuantityHeld), typeof(OrderQuantityReleased), typeof(InputRefused),
    ];

    /// <summary>Whether <see cref="Of"/> makes a row of this event: most push slice writes hold only offers, and
    /// an order pull that found nothing says nothing; those are not tagged.</summary>
    public static bool MakesRows(object evt) => evt switch
    {
        PushSliceUpdated u => u.Confirmed.Count + u.Refused.Count > 0,
        PushesDrifted d => d.Drifted.Count > 0,
        OrdersPulled p => p.Orders + p.Unreadable > 0,
        _ => Sources.Contains(evt.GetType()),
    };

    public static IReadOnlyList<SyncLogRow> Of(object evt, DateTimeOffset journaledAt) => evt switch
    {
        PushBatchDelivered d => [Delivered(d)],
        PushBatchFailed f => [new(f.At, f.Kind == "rate_limited" ? SyncLogLevel.Warning : SyncLogLevel.Error, "push_failed",
            f.ConnectionId, null, null, f.Kind, $"bulk call of {f.Items} items failed: {f.Reason}")],
        PushSliceUpdated u => Settled(u, journaledAt),
        PushesDrifted p => p.Drifted.Select(d => new SyncLogRow(p.At, SyncLogLevel.Warning, "read_back_drift",
            PushSliceIds.ConnectionOf(p.SliceId), d.ProductId, null, d.Shown is null ? "missing" : "drifted",
            d.Shown is null
                ? $"confirmed version {d.Version} is not listed on the marketplace; sent again"
                : $"confirmed version {d.Version} shows other values on the marketplace; sent again")).ToList(),
        OrdersPulled p when p.Orders + p.Unreadable > 0 => [new(p.At, p.Unreadable > 0 ? SyncLogLevel.Warning : SyncLogLevel.Info,
            "orders_pulled", p.ConnectionId, null, null, p.Unreadable > 0 ? "partly_unreadable" : "pulled",
            $"{p.Orders} orders pulled, {p.Unreadable} unreadable")],
        OrderVersionReceived v => [Order(v.At, SyncLogLevel.Info, "order_received", v.OrderId, v.Order.Status,
            $"version {v.Version} received, status {v.Order.Status}, {v.Order.Lines.Count} lines")],
        SaleOrderLinked s => [Order(journaledAt, SyncLogLevel.Info, "order_imported", s.OrderId, "imported",
            $"ERP sale order {s.SaleOrderId} holds version {s.Version}")],
        OrderHeld h => [Order(journaledAt, SyncLogLevel.Warning, "order_held", h.OrderId, "held", $"version {h.Version}: {h.Reason}")],
        OrderFlagged f => [Order(journaledAt, SyncLogLevel.Warning, "order_flagged", f.OrderId, "needs_attention", f.Reason)],
        OrderAcknowledged a => [Order(journaledAt, SyncLogLevel.Info, "order_acknowledged", a.OrderId, "acknowledged",
            $"the marketplace took the acknowledgement of version {a.Version}")],
        ErpStatusApplied a => [Order(journaledAt, SyncLogLevel.Info, "status_to_erp", a.OrderId, a.Status,
            $"the ERP order now reflects marketplace status {a.Status}")],
        MarketplaceStatusPushed p => [Order(journaledAt, SyncLogLevel.Info, "status_to_marketplace", p.OrderId, p.Status,
            $"the marketplace now shows {p.Status}")],
        MarketplaceStatusRefused r => [Order(journaledAt, SyncLogLevel.Warning, "order_status_refused", r.OrderId, "refused",
            $"{r.From} -> {r.To} not sent: {r.Reason}")],
        OrderQuantityHeld q => [new(journaledAt, SyncLogLevel.Info, "quantity_held", q.ConnectionId, q.ProductId, q.OrderId, "held",
            $"{q.Quantity} held for the order until the ERP reserves it")],
        OrderQuantityReleased q => [new(journaledAt, SyncLogLevel.Info, "quantity_released", OrderState.ConnectionOf(q.OrderId),
            q.ProductId, q.OrderId, "released", "the held quantity is released")],
        InputRefused i => [new(i.At, SyncLogLevel.Warning, "input_refused", null, i.Subject, null, "refused", i.Reason)],
        _ => [],
    };

    private static SyncLogRow Delivered(PushBatchDelivered d) => new(d.At, SyncLogLevel.Info, "push_delivered", d.ConnectionId, null, null,
        d.Rejected > 0 ? "partly_refused" : d.Verified ? "delivered" : "unverified",
        $"bulk call of {d.Items} items delivered, {d.Rejected} refused", d.Items);

    /// <summary>Confirmations are one row per group write (a product id only when the group is one product):
    /// a row per confirmed product would be a row per change. Refusals are one row per product, with the reason.</summary>
    private static List<SyncLogRow> Settled(PushSliceUpdated u, DateTimeOffset at)
    {
        var connection = PushSliceIds.ConnectionOf(u.SliceId);
        var rows = new List<SyncLogRow>(u.Refused.Count + 1);
        if (u.Confirmed.Count > 0)
        {
            var named = string.Join(", ", u.Confirmed.Take(NamedProducts).Select(c => c.ProductId));
            var more = u.Confirmed.Count > NamedProducts ? $" and {u.Confirmed.Count - NamedProducts} more" : "";
            rows.Add(new(at, SyncLogLevel.Info, "push_confirmed", connection, u.Confirmed.Count == 1 ? u.Confirmed[0].ProductId : null, null,
                "confirmed", $"{u.Confirmed.Count} products confirmed: {named}{more}"));
        }
        rows.AddRange(u.Refused.Select(r => new SyncLogRow(at, SyncLogLevel.Warning, "push_refused", connection, r.ProductId, null,
            "refused", $"version {r.Version} refused: {r.Reason}")));
        return rows;
    }

    private static SyncLogRow Order(DateTimeOffset at, string level, string kind, string orderId, string outcome, string message) =>
        new(at, level, kind, OrderState.ConnectionOf(orderId), null, orderId, outcome, message);
}
