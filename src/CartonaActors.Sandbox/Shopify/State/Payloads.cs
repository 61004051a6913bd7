namespace CartonaActors.Sandbox.Shopify.State;

// What mutations answer. Immutable, so the idempotency ledger can keep one and render it again on a replay.

/// <summary>A userError: the input path that caused it, the message and (where the type has one) the code.</summary>
internal sealed record UserError(IReadOnlyList<string>? Field, string Message, string? Code = null);

internal sealed record InventoryChange(string Name, int Delta, int QuantityAfterChange, string InventoryItemId, string LocationId);

internal sealed record InventoryAdjustmentGroup(string Id, DateTimeOffset CreatedAt, string Reason, string? ReferenceDocumentUri,
    IReadOnlyList<InventoryChange> Changes);

internal sealed record InventorySetPayload(InventoryAdjustmentGroup? Group, IReadOnlyList<UserError> UserErrors);

internal sealed record VariantResult(string Id, string Sku, string? Barcode, decimal Price, decimal? CompareAtPrice);

internal sealed record VariantsBulkUpdatePayload(string? ProductId, string? ProductTitle, IReadOnlyList<VariantResult>? Variants,
    IReadOnlyList<UserError> UserErrors);

internal sealed record TrackingInfo(string? Number, string? Company, string? Url);

internal sealed record FulfillmentResult(string Id, string Status, DateTimeOffset CreatedAt, IReadOnlyList<TrackingInfo> Tracking);

internal sealed record FulfillmentCreatePayload(FulfillmentResult? Fulfillment, IReadOnlyList<UserError> UserErrors);

internal sealed record JobResult(string Id, bool Done);

internal sealed record OrderCancelPayload(JobResult? Job, IReadOnlyList<UserError> UserErrors);
