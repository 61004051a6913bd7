using System.Collections.Immutable;

namespace CartonaActors.Domain.Orders;

/// <summary>The order entity's rules: fold events, and decide the next step in a fixed order of priority —
/// import, retailer edits, Cartona status into the ERP, acknowledgement, ERP status to Cartona, ERP line edits.</summary>
public static class OrderRules
{
    private static readonly ImmutableSortedDictionary<long, long> NoLines = ImmutableSortedDictionary<long, long>.Empty;

    public static OrderState Apply(OrderState s, IOrderEvent evt) => evt switch
    {
        OrderVersionReceived e => s with { Version = e.Version, Latest = e.Order, CartonaStatus = e.Order.Status },
        OrderHeld e => s with { Hold = e.Reason, HeldVersion = e.Version },
        OrderCustomerLinked e => s with { PartnerId = e.PartnerId },
        SaleOrderLinked e => s with
        {
            SaleOrderId = e.SaleOrderId, Hold = null, ErpState = s.ErpState ?? "draft",
            SettledDetails = [.. s.Latest?.Details ?? []], SettledVersion = e.Version, LineByDetail = NoLines.AddRange(e.LineByDetail),
        },
        OrderLinesSettled e => s with { SettledDetails = [.. e.Details], SettledVersion = s.Version, LineByDetail = NoLines.AddRange(e.LineByDetail) },
        ErpStatusApplied e => s with { ErpAppliedStatus = e.CartonaStatus },
        OrderAcknowledged e => s with { AcknowledgedVersion = Math.Max(s.AcknowledgedVersion, e.Version) },
        ErpOrderObserved e => s with { ErpState = e.State, ErpDeliveryDone = e.DeliveryDone, ErpLines = [.. e.Lines] },
        CartonaStatusPushed e => s with { CartonaStatus = e.Status },
        CartonaStatusRefused e => s with { Refusals = s.Refusals.Add(RefusalKey(e.From, e.To)) },
        CartonaLinesPushed e => s with { SettledDetails = [.. e.Details], AddedErpLines = s.AddedErpLines.AddRange(e.AddedErpLines) },
        OrderFlagged e => s.Flags.Contains(e.Reason) ? s : s with { Flags = s.Flags.Add(e.Reason) },
        // A new OTP may succeed where the last one was refused.
        RetailerOtpGiven e => s with { RetailerOtp = e.Otp, Refusals = s.Refusals.RemoveAll(r => r.EndsWith("->" + CartonaStatus.Delivered, StringComparison.Ordinal)) },
        _ => s,
    };

    public static string RefusalKey(string from, string to) => from + "->" + to;

    /// <summary>
    /// Quantity per product this order keeps off its connection's stock: from its pull until the ERP reserves it
    /// (the ERP order is confirmed, so Odoo's free quantity already counts it) or it is cancelled or finished.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> HeldQuantities(OrderState s)
    {
        if (s.Latest is not { } order || CartonaStatus.IsFinal(order.Status)) return new Dictionary<string, decimal>();
        if (s.SaleOrderId is not null && s.ErpState is not ("draft" or "sent")) return new Dictionary<string, decimal>();
        return order.Details.Where(d => long.TryParse(d.InternalProductId, out _) && d.Amount > 0)
            .GroupBy(d => d.InternalProductId!).ToDictionary(g => g.Key, g => g.Sum(d => d.Amount), StringComparer.Ordinal);
    }

    public static OrderStep NextStep(OrderState s, OrderSyncPolicy policy)
    {
        if (s.Latest is not { } order) return new OrderStep.Nothing();
        var received = order.Status;

        if (s.SaleOrderId is null)
        {
            // Never imported: a cancelled order needs nothing in the ERP, only the acknowledgement.
            if (CartonaStatus.IsCancelled(received))
                return s.AcknowledgedVersion < s.Version ? new OrderStep.Acknowledge(s.Version) : new OrderStep.Nothing();
            if (received == CartonaStatus.Editing) return new OrderStep.Nothing();
            return new OrderStep.Import();
        }

        // A newer Cartona version with other lines than the agreed ones is the retailer's edit.
        if (received != CartonaStatus.Editing && s.Version > s.SettledVersion && !SameLines(order.Details, s.SettledDetails))
            return s.ErpState is "draft" or "sent"
                ? new OrderStep.ReplaceErpLines()
                : new OrderStep.Flag($"the retailer changed the lines on Cartona, but the ERP order is {s.ErpState}: apply the change by hand", SettleLines: true);

        if (ErpStepFor(s, received) is { } erpStep) return erpStep;

        // Cartona accepted "delivered" (with the OTP): now the ERP delivery is validated.
        if (s.CartonaStatus == CartonaStatus.Delivered && s.ErpState == "sale" && !s.ErpDeliveryDone)
            return new OrderStep.ValidateErpDelivery(CartonaStatus.Delivered);

        if (s.AcknowledgedVersion < s.Version) return new OrderStep.Acknowledge(s.Version);

        if (CartonaStepFor(s, order, policy) is { } cartonaStep) return cartonaStep;

        return LineEditsFor(s) ?? (OrderStep)new OrderStep.Nothing();
    }

    /// <summary>What Cartona's status asks of the ERP order (only statuses Cartona itself sent).</summary>
    private static OrderStep? ErpStepFor(OrderState s, string received)
    {
        if (s.ErpAppliedStatus == received) return null;
        var open = s.ErpState is "draft" or "sent";
        return received switch
        {
            CartonaStatus.Approved or CartonaStatus.AssignedToSalesman when open => new OrderStep.ConfirmErpOrder(received),
            CartonaStatus.Delivered when open => new OrderStep.ConfirmErpOrder(received),
            CartonaStatus.Delivered when s.ErpState == "sale" && !s.ErpDeliveryDone => new OrderStep.ValidateErpDelivery(received),
            CartonaStatus.CancelledByRetailer or CartonaStatus.CancelledBySupplier when s.ErpState != "cancel" && s.ErpDeliveryDone =>
                new OrderStep.Flag($"Cartona says {received} but the ERP delivery is already done: cancel or return it by hand"),
            CartonaStatus.CancelledByRetailer or CartonaStatus.CancelledBySupplier when s.ErpState != "cancel" => new OrderStep.CancelErpOrder(received),
            _ => new OrderStep.NoteErpStatus(received),
        };
    }

    /// <summary>What the ERP order's state asks of Cartona. Our own changes are never echoed: they already
    /// match Cartona's status, so no target differs.</summary>
    private static OrderStep? CartonaStepFor(OrderState s, CartonaOrder order, OrderSyncPolicy policy)
    {
        var current = s.CartonaStatus;
        if (s.ErpState is null || CartonaStatus.IsFinal(current) || order.Status == CartonaStatus.Editing) return null;
        // The OTP gate: an operator gave the OTP, so Cartona is told first and the ERP delivery follows.
        var otpDelivery = s.RetailerOtp is not null && order.RequiresOtp && s.ErpState == "sale" && !s.ErpDeliveryDone
                          && current is CartonaStatus.Approved or CartonaStatus.AssignedToSalesman;
        string? target = otpDelivery ? CartonaStatus.Delivered : s.ErpState switch
        {
            "cancel" => CartonaStatus.CancelledBySupplier,
            _ when order.DeliveredBy == CartonaStatus.DeliveredByCartona => null,
            _ when s.ErpDeliveryDone => policy.DeliveredStatus,
            "sale" when current == CartonaStatus.Pending => CartonaStatus.Approved,
            "draft" or "sent" when current == CartonaStatus.Approved => CartonaStatus.Pending,
            _ => null,
        };
        if (target is null || target == current) return null;
        if (s.Refusals.Contains(RefusalKey(current, target))) return null;
        if (SupplierTransitions.Refusal(current, target, order.DeliveredBy) is { } why) return new OrderStep.RefuseStatus(current, target, why);
        if (target == CartonaStatus.Delivered && order.RequiresOtp && s.RetailerOtp is null)
        {
            var reason = $"the delivery is validated in the ERP but Cartona needs the retailer's OTP for this {order.PaymentMethod} order: POST /api/orders/{s.OrderId}/deliver with it";
            return s.Flags.Contains(reason) ? null : new OrderStep.Flag(reason);
        }
        return new OrderStep.PushStatus(new OrderStatusUpdate(target,
            target == CartonaStatus.Delivered && order.RequiresOtp ? s.RetailerOtp : null,
            target == CartonaStatus.CancelledBySupplier ? policy.CancellationReason : null));
    }

    /// <summary>Supplier-side line changes in the ERP, as Cartona detail changes.</summary>
    private static OrderStep? LineEditsFor(OrderState s)
    {
        if (s.ErpState is not ("draft" or "sent" or "sale") || s.ErpLines.Count == 0 && s.LineByDetail.Count == 0) return null;
        if (s.CartonaStatus is not (CartonaStatus.Pending or CartonaStatus.Approved or CartonaStatus.AssignedToSalesman)) return null;
        var erpById = s.ErpLines.ToDictionary(l => l.LineId);
        var changes = new List<OrderDetailChange>();
        var agreed = new List<CartonaOrderDetail>();
        foreach (var d in s.SettledDetails)
        {
            if (!s.LineByDetail.TryGetValue(d.Id, out var lineId)) { agreed.Add(d); continue; }
            if (!erpById.TryGetValue(lineId, out var line))
            {
                changes.Add(new OrderDetailChange(d.Id, null, null, null, Cancelled: true));
                continue;
            }
            if (line.Quantity != d.Amount || line.PriceUnit != d.SellingPrice)
                changes.Add(new OrderDetailChange(d.Id, null, line.Quantity, line.PriceUnit));
            agreed.Add(d with { Amount = line.Quantity, SellingPrice = line.PriceUnit });
        }
        var mapped = s.LineByDetail.Values.ToHashSet();
        var added = s.ErpLines.Where(l => !mapped.Contains(l.LineId) && !s.AddedErpLines.Contains(l.LineId)).ToList();
        changes.AddRange(added.Select(l => new OrderDetailChange(null, l.VariantId.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Quantity, l.PriceUnit)));
        return changes.Count == 0 ? null : new OrderStep.PushLines(changes, agreed, added.Select(l => l.LineId).ToList());
    }

    private static bool SameLines(IReadOnlyList<CartonaOrderDetail> a, IReadOnlyList<CartonaOrderDetail> b) =>
        a.Count == b.Count && a.Select(Key).OrderBy(k => k).SequenceEqual(b.Select(Key).OrderBy(k => k));

    private static string Key(CartonaOrderDetail d) => FormattableString.Invariant($"{d.Id}|{d.InternalProductId}|{d.Amount}|{d.SellingPrice}");
}
