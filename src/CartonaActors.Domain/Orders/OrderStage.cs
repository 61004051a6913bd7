namespace CartonaActors.Domain.Orders;

/// <summary>Where an order stands, in the neutral vocabulary every platform's statuses map into.</summary>
public enum OrderStage
{
    /// <summary>A status the platform's model does not know (never acted on).</summary>
    Unknown,
    Pending,
    /// <summary>The buyer is changing the order on the marketplace: the seller must not act meanwhile.</summary>
    BuyerEditing,
    Confirmed,
    Shipped,
    Delivered,
    CancelledByBuyer,
    CancelledBySeller,
    Returned,
}

public static class OrderStages
{
    public static bool IsCancelled(OrderStage stage) => stage is OrderStage.CancelledByBuyer or OrderStage.CancelledBySeller;

    public static bool IsFinal(OrderStage stage) =>
        stage is OrderStage.Delivered or OrderStage.CancelledByBuyer or OrderStage.CancelledBySeller or OrderStage.Returned;

    /// <summary>Reads a configured stage name (case-insensitive); null when it is not one.</summary>
    public static OrderStage? Parse(string? text) =>
        Enum.TryParse<OrderStage>(text, ignoreCase: true, out var stage) && stage != OrderStage.Unknown ? stage : null;
}

/// <summary>
/// A platform's order statuses: how each maps into a stage, what the seller sends to reach a stage, and which
/// moves its state machine allows. Each platform folder has one; the order rules see only this.
/// </summary>
public interface IOrderStatusModel
{
    OrderStage StageOf(string status);

    /// <summary>The status the seller sends to move an order to <paramref name="stage"/>; null when the platform
    /// has no such seller action.</summary>
    string? StatusFor(OrderStage stage);

    /// <summary>Null when the seller may move <paramref name="order"/> from <paramref name="from"/> to
    /// <paramref name="to"/>; else why not. Refused moves are recorded and never sent.</summary>
    string? Refusal(string from, string to, MarketplaceOrder order);

    /// <summary>The status to send next on the way from <paramref name="from"/> to <paramref name="to"/> by the
    /// platform's state machine: <paramref name="to"/> when the move is direct, else the first intermediate status
    /// the machine requires; null when no walk of seller moves reaches it. The order's own gates stay
    /// <see cref="Refusal"/>'s, weighed on each step.</summary>
    string? NextStatusToward(string from, string to);

    /// <summary>The source is an acknowledgement queue: an order is pulled again until acknowledged.</summary>
    bool AcknowledgesOrders { get; }

    /// <summary>The platform takes the seller's line edits.</summary>
    bool SupportsLineEdits { get; }

    /// <summary>Sent with a seller cancellation when the deployment names none.</summary>
    string DefaultCancellationReason { get; }
}
