namespace CartonaActors.Domain.Products;

/// <summary>A listing as the ERP side asks for it: which connection, and the product's id there.</summary>
public sealed record ListingRequest(string ConnectionId, ListingRef Ref);

/// <summary>
/// New values from the ERP. Every field is optional; stock is the free quantity per warehouse, absolute.
/// </summary>
public sealed record UpdateProduct(
    string ProductId,
    decimal? Price,
    IReadOnlyDictionary<string, decimal>? StockByWarehouse,
    bool? UnlimitedStock,
    IReadOnlyList<ListingRequest>? Listings,
    IReadOnlyList<string>? UnlinkConnections) : IWithProductId, IWireSerializable;

/// <summary>Reply to <see cref="UpdateProduct"/>: accepted at a version, or refused with a reason.</summary>
public sealed record ProductUpdateResult(string ProductId, bool Accepted, long Version, int EventsWritten, string? Error)
    : IWireSerializable;

/// <summary>Asks a product entity for its current state.</summary>
public sealed record GetProduct(string ProductId) : IWithProductId, IWireSerializable;

/// <summary>Hold (or change) the quantity a pulled, not yet reserved order takes. Idempotent.</summary>
public sealed record HoldOrderQuantity(string ProductId, string OrderId, string ConnectionId, decimal Quantity) : IWithProductId, IWireSerializable;

/// <summary>Release an order's hold. Idempotent.</summary>
public sealed record ReleaseOrderQuantity(string ProductId, string OrderId) : IWithProductId, IWireSerializable;
