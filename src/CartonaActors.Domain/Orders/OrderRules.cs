using System.Collections.Immutable;

namespace CartonaActors.Domain.Orders;

/// <summary>The order entity's rules: fold events, and decide the next step in a fixed order of priority —
/// import, buyer edits, the marketplace's status into the ERP, acknowledgement, the ERP's status to the
/// marketplace, ERP line edits. Statuses stay in the platform's vocabulary; its model maps them to stages.</summary>
public static class OrderRules
{
    private static readonly ImmutableSortedDictionary<long, long> NoLines = ImmutableSortedDictionary<long, long>.Empty;

    public static OrderState Apply(OrderState s, IOrderEvent evt) => evt switch
    {
        OrderVersionReceived e => s with { Version = e.Version, Latest = e.Order, MarketplaceStatus = e.Order.Status },
        OrderHeld e => s with { Hold = e.Reason, HeldVersion = e.Version },
        OrderCustomerLinked e => s with { PartnerId = e.PartnerId },
        SaleOrderLinked e => s with
        {
            SaleOrderId = e.SaleOrderId, Hold = null, ErpState = s.ErpState ?? "draft",
            SettledLines = [.. e.Lines ?? s.Latest?.Lines ?? []], SettledVersion = e.Version, LineByDetail = NoLines.AddRange(e.LineByDetail),
        },
        // The version the ERP got, not the latest: a retailer's edit that arrived meanwhile is still to be applied.
        OrderLinesSettled e => s with { SettledLines = [.. e.Lines], SettledVersion = e.Version ?? s.Version, LineByDetail = NoLines.AddRange(e.LineByDetail) },
        ErpStatusApplied e => s with { ErpAppliedStatus = e.Status },
        OrderAcknowledged e => s with { AcknowledgedVersion = Math.Max(s.AcknowledgedVersion, e.Version) },
        ErpOrderObserved e => s with { ErpState = e.State, ErpDeliveryDone = e.DeliveryDone, ErpLines = [.. e.Lines] },
        MarketplaceStatusPushed e => s with { MarketplaceStatus = e.Status },
        MarketplaceStatusRefused e => s with { Refusals = s.Refusals.Add(RefusalKey(e.From, e.To)) },
        MarketplaceLinesPushed e => s with { SettledLines = [.. e.Lines], AddedErpLines = s.AddedErpLines.AddRange(e.AddedErpLines) },
        OrderFlagged e => s.Flags.Contains(e.Reason) ? s : s with { Flags = s.Flags.Add(e.Reason) },
        // A new code may succeed where the last one was refused: refused moves are weighed again (an illegal one
        // is only recorded again, never sent).
        RetailerOtpGiven e => s with { RetailerOtp = e.Otp, Refusals = [] },
        DeliveryCodeGiven => s with { Refusals = [] },
        _ => s,
    };

    /// <summary>The code an operator gives, and the event that records (without the code) that one was given.</summary>
    public static (OrderState State, IOrderEvent Event) GiveDeliveryCode(OrderState s, string code) =>
        (s with { RetailerOtp = code }, new DeliveryCodeGiven(s.OrderId));

    public static string RefusalKey(string from, string to) => from + "->" + to;

    /// <summary>
    /// Quantity per product this order keeps off its connection's stock: from its pull until the ERP reserves it
    /// (the ERP order is confirmed, so the ERP's free quantity already counts it) or it is cancelled or finished.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> HeldQuantities(OrderState s, IOrderStatusModel model)
    {
        if (s.Latest is not { } order || OrderStages.IsFinal(model.StageOf(order.Status))) return new Dictionary<string, decimal>();
        if (s.SaleOrderId is not null && s.ErpState is not ("draft" or "sent")) return new Dictionary<string, decimal>();
        return order.Lines.Where(d => long.TryParse(d.ListingKey, out _) && d.Quantity > 0)
            .GroupBy(d => d.ListingKey!).ToDictionary(g => g.Key, g => g.Sum(d => d.Quantity), StringComparer.Ordinal);
    }

    public static OrderStep NextStep(OrderState s, OrderSyncPolicy policy, IOrderStatusModel model)
    {
        if (s.Latest is not { } order) return new OrderStep.Nothing();
        var received = order.Status;
        var receivedStage = model.StageOf(received);
        var acknowledgeDue = model.AcknowledgesOrders && s.AcknowledgedVersion < s.Version;

        if (s.SaleOrderId is null)
        {
            // Never imported: a cancelled order needs nothing in the ERP, only the acknowledgement.
            if (OrderStages.IsCancelled(receivedStage))
                return acknowledgeDue ? new OrderStep.Acknowledge(s.Version) : new OrderStep.Nothing();
            if (receivedStage is OrderStage.BuyerEditing or OrderStage.Unknown) return new OrderStep.Nothing();
            return new OrderStep.Import();
        }

        // A newer marketplace version with other lines than the agreed ones is the buyer's edit.
        if (receivedStage != OrderStage.BuyerEditing && s.Version > s.SettledVersion && !SameLines(order.Lines, s.SettledLines))
            return s.ErpState is "draft" or "sent"
                ? new OrderStep.ReplaceErpLines()
                : new OrderStep.Flag($"the buyer changed the lines on the marketplace, but the ERP order is {s.ErpState}: apply the change by hand", SettleLines: true);

        if (ErpStepFor(s, received, receivedStage) is { } erpStep) return erpStep;

        // The marketplace accepted "delivered" (with the buyer's code): now the ERP delivery is validated.
        if (model.StageOf(s.MarketplaceStatus) == OrderStage.Delivered && s.ErpState == "sale" && !s.ErpDeliveryDone)
            return new OrderStep.ValidateErpDelivery(s.MarketplaceStatus);

        if (acknowledgeDue) return new OrderStep.Acknowledge(s.Version);

        if (MarketplaceStepFor(s, order, policy, model) is { } marketplaceStep) return marketplaceStep;

        return model.SupportsLineEdits ? LineEditsFor(s, model) ?? new OrderStep.Nothing() : new OrderStep.Nothing();
    }

    /// <summary>What the marketplace's status asks of the ERP order (only statuses the marketplace itself sent).</summary>
    private static OrderStep? ErpStepFor(OrderState s, string received, OrderStage stage)
    {
        if (s.ErpAppliedStatus == received) return null;
        var open = s.ErpState is "draft" or "sent";
        return stage switch
        {
            OrderStage.Confirmed or OrderStage.Shipped when open => new OrderStep.ConfirmErpOrder(received),
            OrderStage.Delivered when open => new OrderStep.ConfirmErpOrder(received),
            OrderStage.Delivered when s.ErpState == "sale" && !s.ErpDeliveryDone => new OrderStep.ValidateErpDelivery(received),
            OrderStage.CancelledByBuyer or OrderStage.CancelledBySeller when s.ErpState != "cancel" && s.ErpDeliveryDone =>
                new OrderStep.Flag($"the marketplace says {received} but the ERP delivery is already done: cancel or return it by hand"),
            OrderStage.CancelledByBuyer or OrderStage.CancelledBySeller when s.ErpState != "cancel" => new OrderStep.CancelErpOrder(received),
            _ => new OrderStep.NoteErpStatus(received),
        };
    }

    /// <summary>What the ERP order's state asks of the marketplace. Our own changes are never echoed: they
    /// already match the marketplace's status, so no target differs.</summary>
    private static OrderStep? MarketplaceStepFor(OrderState s, MarketplaceOrder order, OrderSyncPolicy policy, IOrderStatusModel model)
    {
        var current = s.MarketplaceStatus;
        var currentStage = model.StageOf(current);
        if (s.ErpState is null || OrderStages.IsFinal(currentStage) || currentStage == OrderStage.Unknown
            || model.StageOf(order.Status) == OrderStage.BuyerEditing) return null;
        // The code gate: an operator gave the buyer's code, so the marketplace is told first and the ERP delivery follows.
        var codeDelivery = s.RetailerOtp is not null && order.RequiresDeliveryCode && s.ErpState == "sale" && !s.ErpDeliveryDone
                           && currentStage is OrderStage.Confirmed or OrderStage.Shipped;
        OrderStage? targetStage = codeDelivery ? OrderStage.Delivered : s.ErpState switch
        {
            "cancel" => OrderStage.CancelledBySeller,
            _ when order.FulfilledByMarketplace => null,
            _ when s.ErpDeliveryDone => policy.DeliveredStage,
            "sale" when currentStage == OrderStage.Pending => OrderStage.Confirmed,
            "draft" or "sent" when currentStage == OrderStage.Confirmed => OrderStage.Pending,
            _ => null,
        };
        if (targetStage is not { } stage || stage == currentStage) return null;
        if (model.StatusFor(stage) is not { } target || target == current) return null;
        // The ERP may be steps ahead (confirmed and delivered before the marketplace heard "confirmed"): walk every
        // status the platform's machine requires, one push per step; the entity asks again after each one.
        if (model.NextStatusToward(current, target) is not { } next)
            return s.Refusals.Contains(RefusalKey(current, target)) ? null
                : new OrderStep.RefuseStatus(current, target, model.Refusal(current, target, order)
                                                              ?? $"no seller move leads from {current} to {target}");
        // A step the marketplace refused is not tried again (a new delivery code clears the refusals).
        if (s.Refusals.Contains(RefusalKey(current, next))) return null;
        if (model.Refusal(current, next, order) is { } why) return new OrderStep.RefuseStatus(current, next, why);
        var nextStage = model.StageOf(next);
        var needsCode = nextStage == OrderStage.Delivered && order.RequiresDeliveryCode;
        if (needsCode && s.RetailerOtp is null)
        {
            var reason = $"the delivery is validated in the ERP but the marketplace needs the buyer's code (OTP) for this {order.PaymentMethod} order: POST /api/orders/{s.OrderId}/deliver with it";
            return s.Flags.Contains(reason) ? null : new OrderStep.Flag(reason);
        }
        return new OrderStep.PushStatus(new OrderStatusUpdate(next, needsCode ? s.RetailerOtp : null,
            nextStage == OrderStage.CancelledBySeller ? policy.CancellationReason ?? model.DefaultCancellationReason : null));
    }

    /// <summary>Seller-side line changes in the ERP, as marketplace line changes.</summary>
    private static OrderStep? LineEditsFor(OrderState s, IOrderStatusModel model)
    {
        if (s.ErpState is not ("draft" or "sent" or "sale") || s.ErpLines.Count == 0 && s.LineByDetail.Count == 0) return null;
        if (model.StageOf(s.MarketplaceStatus) is not (OrderStage.Pending or OrderStage.Confirmed or OrderStage.Shipped)) return null;
        var erpById = s.ErpLines.ToDictionary(l => l.LineId);
        var changes = new List<OrderLineChange>();
        var agreed = new List<OrderLine>();
        foreach (var d in s.SettledLines)
        {
            if (!s.LineByDetail.TryGetValue(d.Id, out var lineId)) { agreed.Add(d); continue; }
            if (!erpById.TryGetValue(lineId, out var line))
            {
                changes.Add(new OrderLineChange(d.Id, null, null, null, Cancelled: true));
                continue;
            }
            if (line.Quantity != d.Quantity || line.PriceUnit != d.UnitPrice)
                changes.Add(new OrderLineChange(d.Id, null, line.Quantity, line.PriceUnit));
            agreed.Add(d with { Quantity = line.Quantity, UnitPrice = line.PriceUnit });
        }
        var mapped = s.LineByDetail.Values.ToHashSet();
        var added = s.ErpLines.Where(l => !mapped.Contains(l.LineId) && !s.AddedErpLines.Contains(l.LineId)).ToList();
        changes.AddRange(added.Select(l => new OrderLineChange(null, l.VariantId.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Quantity, l.PriceUnit)));
        return changes.Count == 0 ? null : new OrderStep.PushLines(changes, agreed, added.Select(l => l.LineId).ToList());
    }

    private static bool SameLines(IReadOnlyList<OrderLine> a, IReadOnlyList<OrderLine> b) =>
        a.Count == b.Count && a.Select(Key).OrderBy(k => k).SequenceEqual(b.Select(Key).OrderBy(k => k));

    private static string Key(OrderLine d) => FormattableString.Invariant($"{d.Id}|{d.ListingKey}|{d.Quantity}|{d.UnitPrice}");
}
