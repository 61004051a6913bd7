namespace CartonaActors.Domain.Orders;

/// <summary>The one thing an order entity should do next; the entity does it, records the outcome as an
/// event, and asks again. Pure decisions, so every transition is tested without actors.</summary>
public abstract record OrderStep
{
    private OrderStep() { }

    public sealed record Nothing : OrderStep;

    /// <summary>Validate every line against the ERP, then ensure the customer and find-or-create the sale order.</summary>
    public sealed record Import : OrderStep;

    /// <summary>A buyer's edit to apply to the still-editable ERP order.</summary>
    public sealed record ReplaceErpLines : OrderStep;

    /// <summary>Record something a person must resolve; with <paramref name="SettleLines"/>, also accept the
    /// latest lines as agreed so the same edit is not flagged again.</summary>
    public sealed record Flag(string Reason, bool SettleLines = false) : OrderStep;

    public sealed record ConfirmErpOrder(string ForStatus) : OrderStep;
    public sealed record CancelErpOrder(string ForStatus) : OrderStep;
    public sealed record ValidateErpDelivery(string ForStatus) : OrderStep;

    /// <summary>Nothing to do in the ERP for this marketplace status; record it as applied.</summary>
    public sealed record NoteErpStatus(string ForStatus) : OrderStep;

    public sealed record Acknowledge(int Version) : OrderStep;

    public sealed record PushStatus(OrderStatusUpdate Update) : OrderStep;

    /// <summary>The ERP implies a status the platform's state machine does not allow: record it, do not send it.</summary>
    public sealed record RefuseStatus(string From, string To, string Reason) : OrderStep;

    public sealed record PushLines(IReadOnlyList<OrderLineChange> Changes, IReadOnlyList<OrderLine> Agreed, IReadOnlyList<long> AddedErpLines) : OrderStep;
}

/// <summary>Per-deployment choices for order status sync.</summary>
/// <param name="DeliveredStage">What a validated ERP delivery becomes on the marketplace: Delivered or Shipped.</param>
/// <param name="CancellationReason">Sent with a seller cancellation; null: the platform's default.</param>
public sealed record OrderSyncPolicy(OrderStage DeliveredStage, string? CancellationReason)
{
    public static readonly OrderSyncPolicy Default = new(OrderStage.Delivered, null);
}
