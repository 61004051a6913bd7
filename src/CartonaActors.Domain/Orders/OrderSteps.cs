namespace CartonaActors.Domain.Orders;

/// <summary>The one thing an order entity should do next; the entity does it, records the outcome as an
/// event, and asks again. Pure decisions, so every transition is tested without actors.</summary>
public abstract record OrderStep
{
    private OrderStep() { }

    public sealed record Nothing : OrderStep;

    /// <summary>Validate every line against Odoo, then ensure the customer and find-or-create the sale order.</summary>
    public sealed record Import : OrderStep;

    /// <summary>A retailer's edit to apply to the still-editable ERP order.</summary>
    public sealed record ReplaceErpLines : OrderStep;

    /// <summary>Record something a person must resolve; with <paramref name="SettleLines"/>, also accept the
    /// latest lines as agreed so the same edit is not flagged again.</summary>
    public sealed record Flag(string Reason, bool SettleLines = false) : OrderStep;

    public sealed record ConfirmErpOrder(string ForStatus) : OrderStep;
    public sealed record CancelErpOrder(string ForStatus) : OrderStep;
    public sealed record ValidateErpDelivery(string ForStatus) : OrderStep;

    /// <summary>Nothing to do in the ERP for this Cartona status; record it as applied.</summary>
    public sealed record NoteErpStatus(string ForStatus) : OrderStep;

    public sealed record Acknowledge(int Version) : OrderStep;

    public sealed record PushStatus(OrderStatusUpdate Update) : OrderStep;

    /// <summary>The ERP implies a status Cartona's state machine does not allow: record it, do not send it.</summary>
    public sealed record RefuseStatus(string From, string To, string Reason) : OrderStep;

    public sealed record PushLines(IReadOnlyList<OrderDetailChange> Changes, IReadOnlyList<CartonaOrderDetail> Agreed, IReadOnlyList<long> AddedErpLines) : OrderStep;
}

/// <summary>Per-deployment choices for order status sync.</summary>
/// <param name="DeliveredStatus">What a validated ERP delivery becomes on Cartona: delivered or assigned_to_salesman.</param>
public sealed record OrderSyncPolicy(string DeliveredStatus, string CancellationReason)
{
    public static readonly OrderSyncPolicy Default = new(CartonaStatus.Delivered, "supplier_asked_me_to_cancel");
}
