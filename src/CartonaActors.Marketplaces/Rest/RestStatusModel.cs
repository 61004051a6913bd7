using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Rest;

/// <summary>The contract's order statuses (marketplaces.md §5): pending -> confirmed -> shipped -> delivered, with
/// cancelled (from pending or confirmed) and returned; a cursor source, no acknowledgement, no line edits.</summary>
public sealed class RestStatusModel : IOrderStatusModel
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";
    public const string Returned = "returned";

    public static readonly RestStatusModel Instance = new();

    // One step at a time: an ERP delivery on a pending order is walked confirmed -> shipped -> delivered.
    private static readonly SellerMoves Moves = new(new Dictionary<string, string[]>
    {
        [Pending] = [Confirmed, Cancelled],
        [Confirmed] = [Shipped, Cancelled],
        [Shipped] = [Delivered],
    });

    public bool AcknowledgesOrders => false;
    public bool SupportsLineEdits => false;
    public string DefaultCancellationReason => "cancelled by the seller";

    public OrderStage StageOf(string status) => status switch
    {
        Pending => OrderStage.Pending,
        Confirmed => OrderStage.Confirmed,
        Shipped => OrderStage.Shipped,
        Delivered => OrderStage.Delivered,
        // The feed does not say who cancelled: a cancellation we did not send is the buyer's or the marketplace's.
        Cancelled => OrderStage.CancelledByBuyer,
        Returned => OrderStage.Returned,
        _ => OrderStage.Unknown,
    };

    public string? StatusFor(OrderStage stage) => stage switch
    {
        OrderStage.Confirmed => Confirmed,
        OrderStage.Shipped => Shipped,
        OrderStage.Delivered => Delivered,
        OrderStage.CancelledBySeller => Cancelled,
        _ => null,
    };

    public string? Refusal(string from, string to, MarketplaceOrder order) =>
        Moves.Allows(from, to) ? null : $"the marketplace does not let a seller move an order from {from} to {to}";

    public string? NextStatusToward(string from, string to) => Moves.NextToward(from, to);
}
