namespace CartonaActors.Sandbox.Shopify;

/// <summary>The ids a new product got: the product, its variants and their inventory items, in the given order.</summary>
public sealed record ShopifyProductIds(string ProductId, IReadOnlyList<string> VariantIds, IReadOnlyList<string> InventoryItemIds);

/// <summary>A variant as the shop holds it now; <see cref="AvailableByLocation"/> is keyed by location gid.</summary>
public sealed record ShopifyVariantSnapshot(string Sku, string? Barcode, string ProductId, string VariantId, string InventoryItemId,
    decimal Price, decimal? CompareAtPrice, IReadOnlyDictionary<string, int> AvailableByLocation);

/// <summary>An order's buyer; <see cref="Id"/> is the numeric customer id (the gid is built from it).</summary>
public sealed record ShopifyCustomer(long Id, string? Email, string? Phone, string? FirstName, string? LastName);

public sealed record ShopifyAddress(string? Address1, string? City, string? Country);

/// <summary>An order line; the sku must be in the catalog.</summary>
public sealed record ShopifyOrderLine(string Sku, int Quantity, decimal UnitPrice);

/// <summary>An order as the shop holds it now.</summary>
public sealed record ShopifyOrderSnapshot(string Id, string Name, DateTimeOffset UpdatedAt, DateTimeOffset? CancelledAt, string? CancelReason,
    DateTimeOffset? ClosedAt, string DisplayFulfillmentStatus, string DisplayFinancialStatus, int Fulfillments, int CancelCalls);

/// <summary>One answered (or dropped) request. <see cref="Operations"/> are the top-level field names of the document.
/// <see cref="Outcome"/>: ok, user_errors, stale, replayed, throttled, max_cost, unauthorized, not_found, error,
/// fault, dropped, broken_json, token, token_refused.</summary>
public sealed record ShopifyRecordedCall(DateTimeOffset At, string Path, IReadOnlyList<string> Operations, double? RequestedCost,
    int Status, string Outcome, string? Body);

/// <summary>One webhook delivery attempt; <see cref="Status"/> is the receiver's HTTP status, null when it could not be reached.</summary>
public sealed record ShopifyWebhookDelivery(DateTimeOffset At, string Topic, string WebhookId, string Body, int? Status)
{
    /// <summary>1 for the first attempt of an event, 2.. for retries (duplicates are separate first attempts).</summary>
    public int Attempt { get; init; } = 1;
}
