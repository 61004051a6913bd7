namespace CartonaActors.Domain.Orders;

/// <summary>One step in an order's life as an operator reads it: what happened and how it came out.</summary>
public sealed record OrderHistoryStep(string Step, string Outcome, string Detail);

/// <summary>
/// Tells each journaled order event as a step, so "why was this order not imported" reads as a story: every
/// version received, each attempt and what it led to. A delivery code is never shown, only that one was given.
/// </summary>
public static class OrderHistory
{
    public static OrderHistoryStep Describe(IOrderEvent evt) => evt switch
    {
        OrderVersionReceived v => new("version received", "ok",
            $"version {v.Version}: marketplace status {v.Order.Status}, {v.Order.Lines.Count} lines, total {v.Order.Totals.Amount}{(v.Order.Totals.Currency is { } c ? " " + c : "")}"),
        OrderHeld h => new("import held", "held", $"version {h.Version}: {h.Reason}"),
        OrderCustomerLinked c => new("customer linked", "ok", $"ERP partner {c.PartnerId}"),
        SaleOrderLinked s => new("sale order linked", "ok", $"ERP sale order {s.SaleOrderId} for version {s.Version}"),
        OrderLinesSettled l => new("lines settled", "ok", $"{l.Lines.Count} lines agreed with the ERP order"),
        ErpStatusApplied a => new("ERP status applied", "ok", a.Status),
        OrderAcknowledged a => new("acknowledged to the marketplace", "ok", $"version {a.Version}"),
        ErpOrderObserved o => new("ERP order observed", "ok", $"state {o.State}{(o.DeliveryDone ? ", delivery done" : "")}, {o.Lines.Count} lines"),
        MarketplaceStatusPushed p => new("status sent to the marketplace", "ok", p.Status),
        MarketplaceStatusRefused r => new("status not sent to the marketplace", "refused", $"{r.From} -> {r.To}: {r.Reason}"),
        MarketplaceLinesPushed l => new("lines sent to the marketplace", "ok", $"{l.Lines.Count} lines, {l.AddedErpLines.Count} added from the ERP"),
        OrderFlagged f => new("flagged for a person", "flagged", f.Reason),
        RetailerOtpGiven or DeliveryCodeGiven => new("delivery code given", "ok", "by an operator (the code is not shown)"),
        _ => new(evt.GetType().Name, "ok", ""),
    };
}
