namespace CartonaActors.Domain.Products;

/// <summary>A listing as the ERP side asks for it: which connection, and the product's id there.</summary>
public sealed record ListingRequest(string ConnectionId, ListingRef Ref);

/// <summary>
/// New values from the ERP. Every field is optional; stock is the free quantity per warehouse, absolute.
/// </summary>
/// <param name="ObservedAt">When the ERP read that produced these values started (UTC), for reads from the ERP;
/// null for values set directly. Webhook reads, poll pages and settle re-reads may finish in any order, on any
/// node: see <see cref="ProductRules.OrderOf"/>.</param>
/// <param name="ObservedUntil">When that read ended (its last ERP call answered); null: at its start.</param>
/// <param name="TraceParent">The W3C trace context of the request that brought the change (null: untraced), so the
/// product's accept span joins the ingress trace across nodes.</param>
public sealed record UpdateProduct(
    string ProductId,
    decimal? Price,
    IReadOnlyDictionary<string, decimal>? StockByWarehouse,
    bool? UnlimitedStock,
    IReadOnlyList<ListingRequest>? Listings,
    IReadOnlyList<string>? UnlinkConnections,
    DateTimeOffset? ObservedAt = null,
    DateTimeOffset? ObservedUntil = null,
    string? TraceParent = null) : IWithProductId, IWireSerializable;

/// <summary>Reply to <see cref="UpdateProduct"/>: accepted at a version, or refused with a reason.</summary>
/// <param name="Outdated">Accepted but ignored: the product already applied an ERP read that is newer, or one
/// that ran at the same time, so which is newer is unknown.</param>
/// <param name="ReadAgain">The latter, with other values than the product holds: read the ERP again to know.</param>
public sealed record ProductUpdateResult(string ProductId, bool Accepted, long Version, int EventsWritten, string? Error,
    bool Outdated = false, bool ReadAgain = false) : IWireSerializable;

/// <summary>Asks a product entity for its current state.</summary>
public sealed record GetProduct(string ProductId) : IWithProductId, IWireSerializable;

/// <summary>Hold (or change) the quantity a pulled, not yet reserved order takes. Idempotent.</summary>
public sealed record HoldOrderQuantity(string ProductId, string OrderId, string ConnectionId, decimal Quantity) : IWithProductId, IWireSerializable;

/// <summary>Release an order's hold. Idempotent.</summary>
public sealed record ReleaseOrderQuantity(string ProductId, string OrderId) : IWithProductId, IWireSerializable;
