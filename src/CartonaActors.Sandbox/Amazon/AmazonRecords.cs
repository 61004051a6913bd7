namespace CartonaActors.Sandbox.Amazon;

/// <summary>One answered request. <see cref="Operation"/> is the SP-API operationId (patchListingsItem, createFeed,
/// searchOrders…), or lwaToken, uploadFeedDocument, downloadFeedDocument, unknown. <see cref="Path"/> has no query.</summary>
public sealed record AmazonRecordedCall(DateTimeOffset At, string Method, string Path, string Operation, int Status)
{
    /// <summary>The request body, only when <see cref="AmazonEmulatorOptions.RecordRequestBodies"/>.</summary>
    public string? Body { get; init; }
}

/// <summary>A feed as the emulator holds it now; <see cref="Status"/> is its processingStatus.</summary>
public sealed record AmazonFeedRecord(string FeedId, string FeedType, string Status, int Messages, int FailedMessages,
    DateTimeOffset CreatedAt, DateTimeOffset? DoneAt);

/// <summary>A listing now: price is purchasable_offer our_price value_with_tax, quantity the DEFAULT fulfillment_availability.</summary>
public sealed record AmazonListing(string Sku, decimal Price, int Quantity, int PatchesApplied, int FeedMessagesApplied);

public sealed record AmazonBuyer(string Name, string Email);

public sealed record AmazonAddress(string Name, string Line1, string City, string CountryCode, string? Phone);

public sealed record AmazonOrderLine(string Sku, int Quantity, decimal UnitPrice);

/// <summary>An order now. <see cref="ShippedQuantityByItem"/> is keyed by orderItemId; <see cref="Status"/> is the
/// v2026 fulfillmentStatus (UNSHIPPED, PARTIALLY_SHIPPED, SHIPPED, CANCELLED).</summary>
public sealed record AmazonOrderView(string Id, string Status, int Shipments, IReadOnlyDictionary<string, int> ShippedQuantityByItem,
    bool CancelledBySeller, DateTimeOffset LastUpdated)
{
    public IReadOnlyList<AmazonOrderItemView> Items { get; init; } = [];
}

public sealed record AmazonOrderItemView(string OrderItemId, string Sku, int QuantityOrdered, int QuantityShipped, bool BuyerRequestedCancel);
