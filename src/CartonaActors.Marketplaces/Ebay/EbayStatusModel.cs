using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Ebay;

/// <summary>
/// eBay's order lifecycle (Fulfillment API) in the statuses the order rules need: <c>pending</c> (payment not
/// complete), <c>not_started</c> (paid; eBay has no seller confirmation), <c>in_progress</c> (some lines shipped),
/// <c>fulfilled</c>, <c>cancelled</c>. The seller ships (<c>shipping_fulfillment</c>) and cancels a whole order
/// before shipping (Post-Order cancellation); a cursor source with no acknowledgement and no seller line edits.
/// </summary>
public sealed class EbayStatusModel : IOrderStatusModel
{
    public const string Pending = "pending";
    public const string NotStarted = "not_started";
    public const string InProgress = "in_progress";
    public const string Fulfilled = "fulfilled";
    public const string Cancelled = "cancelled";

    public static readonly EbayStatusModel Instance = new();

    private static readonly SellerMoves Moves = new(new Dictionary<string, string[]>
    {
        [Pending] = [Cancelled],
        [NotStarted] = [Fulfilled, Cancelled],
        [InProgress] = [Fulfilled],
    });

    public bool AcknowledgesOrders => false;
    public bool SupportsLineEdits => false;
    public string DefaultCancellationReason => "OUT_OF_STOCK_OR_CANNOT_FULFILL";

    public OrderStage StageOf(string status) => status switch
    {
        Pending => OrderStage.Pending,
        NotStarted or InProgress => OrderStage.Confirmed,
        Fulfilled => OrderStage.Shipped,
        // Cancelled on eBay by the buyer or by eBay: not by this service.
        Cancelled => OrderStage.CancelledByBuyer,
        _ => OrderStage.Unknown,
    };

    public string? StatusFor(OrderStage stage) => stage switch
    {
        OrderStage.Shipped or OrderStage.Delivered => Fulfilled,
        OrderStage.CancelledBySeller => Cancelled,
        _ => null,
    };

    public string? Refusal(string from, string to, MarketplaceOrder order) =>
        Moves.Allows(from, to) ? null : $"eBay does not let a seller move an order from {from} to {to}";

    public string? NextStatusToward(string from, string to) => Moves.NextToward(from, to);
}
