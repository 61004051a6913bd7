using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Amazon;

/// <summary>
/// Amazon's order statuses (Orders API 2026-01-01 <c>fulfillmentStatus</c>, lower-cased): <c>pending</c> (payment
/// not yet authorised: nothing to ship), <c>unshipped</c> (paid and ready: confirmed, Amazon has no seller
/// confirmation), <c>partially_shipped</c>, <c>shipped</c>, <c>cancelled</c>. The seller ships
/// (<c>confirmShipment</c>) and cancels an unshipped order (order acknowledgement feed); a cursor source with no
/// acknowledgement and no seller line edits.
/// </summary>
public sealed class AmazonStatusModel : IOrderStatusModel
{
    public const string PendingAvailability = "pending_availability";
    public const string Pending = "pending";
    public const string Unshipped = "unshipped";
    public const string PartiallyShipped = "partially_shipped";
    public const string Shipped = "shipped";
    public const string Cancelled = "cancelled";
    public const string Unfulfillable = "unfulfillable";

    public static readonly AmazonStatusModel Instance = new();

    private static readonly SellerMoves Moves = new(new Dictionary<string, string[]>
    {
        [Pending] = [Cancelled],
        [Unshipped] = [Shipped, Cancelled],
        [PartiallyShipped] = [Shipped],
    });

    public bool AcknowledgesOrders => false;
    public bool SupportsLineEdits => false;

    /// <summary>The order acknowledgement feed's reason for a seller cancellation.</summary>
    public string DefaultCancellationReason => "NoInventory";

    public OrderStage StageOf(string status) => status switch
    {
        PendingAvailability or Pending => OrderStage.Pending,
        Unshipped or PartiallyShipped => OrderStage.Confirmed,
        Shipped => OrderStage.Shipped,
        // Cancelled on Amazon by the buyer or by Amazon: not by this service.
        Cancelled => OrderStage.CancelledByBuyer,
        _ => OrderStage.Unknown,
    };

    // Amazon ends at "shipped": a delivery validated in the ERP is the shipment confirmation.
    public string? StatusFor(OrderStage stage) => stage switch
    {
        OrderStage.Shipped or OrderStage.Delivered => Shipped,
        OrderStage.CancelledBySeller => Cancelled,
        _ => null,
    };

    public string? Refusal(string from, string to, MarketplaceOrder order)
    {
        if (order.FulfilledByMarketplace && to == Shipped) return "Amazon fulfils this order itself (FBA): the seller does not ship it";
        return Moves.Allows(from, to) ? null : $"Amazon does not let a seller move an order from {from} to {to}";
    }

    public string? NextStatusToward(string from, string to) => Moves.NextToward(from, to);
}
