using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Shopify;

/// <summary>
/// Shopify's order lifecycle in the three statuses the order rules need: <c>open</c> (placed and paid for or
/// pending payment: Shopify has no seller confirmation, so it is already confirmed), <c>fulfilled</c> (everything
/// shipped, <c>fulfillmentCreate</c>) and <c>cancelled</c> (<c>orderCancel</c>, irreversible, refused once
/// anything is fulfilled). A cursor source without acknowledgement; no seller line edits.
/// </summary>
public sealed class ShopifyStatusModel : IOrderStatusModel
{
    public const string Open = "open";
    public const string Fulfilled = "fulfilled";
    public const string Cancelled = "cancelled";

    public static readonly ShopifyStatusModel Instance = new();

    private static readonly SellerMoves Moves = new(new Dictionary<string, string[]>
    {
        [Open] = [Fulfilled, Cancelled],
    });

    public bool AcknowledgesOrders => false;
    public bool SupportsLineEdits => false;
    public string DefaultCancellationReason => "OTHER";

    public OrderStage StageOf(string status) => status switch
    {
        Open => OrderStage.Confirmed,
        Fulfilled => OrderStage.Shipped,
        // Cancelled in Shopify, by the merchant's staff or on the buyer's request: not by this service.
        Cancelled => OrderStage.CancelledByBuyer,
        _ => OrderStage.Unknown,
    };

    // A fulfilment is both "shipped" and, where the ERP's delivery means delivered, the last thing Shopify is told.
    public string? StatusFor(OrderStage stage) => stage switch
    {
        OrderStage.Shipped or OrderStage.Delivered => Fulfilled,
        OrderStage.CancelledBySeller => Cancelled,
        _ => null,
    };

    public string? Refusal(string from, string to, MarketplaceOrder order) =>
        Moves.Allows(from, to) ? null : $"Shopify does not let a seller move an order from {from} to {to}";

    public string? NextStatusToward(string from, string to) => Moves.NextToward(from, to);
}
