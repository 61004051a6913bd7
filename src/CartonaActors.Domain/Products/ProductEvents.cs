namespace CartonaActors.Domain.Products;

public sealed record PriceSet(string ProductId, decimal Price, long Version) : IProductEvent;

public sealed record StockSet(string ProductId, string Warehouse, decimal FreeQuantity, long Version) : IProductEvent;

public sealed record UnlimitedStockSet(string ProductId, bool Unlimited, long Version) : IProductEvent;

public sealed record ListingLinked(string ProductId, string ConnectionId, ListingRef Ref, long Version) : IProductEvent;

public sealed record ListingUnlinked(string ProductId, string ConnectionId, long Version) : IProductEvent;

/// <summary>A marketplace confirmed these values. <see cref="Version"/> is the product version that was pushed;
/// this event itself does not bump the product version.</summary>
public sealed record PushAcknowledged(string ProductId, string ConnectionId, long Version, PushedValues Values) : IProductEvent;

/// <summary>A marketplace refused the product at that version; it is not pushed again until it changes.</summary>
public sealed record PushRejected(string ProductId, string ConnectionId, long Version, string Reason) : IProductEvent;

/// <summary>
/// Everything one ERP update changed, as one event: one journal write per update however many fields moved.
/// Only the parts that changed are set. Supersedes the per-field events above, which stay readable because
/// journals written before it hold them. <see cref="ObservedAt"/> and <see cref="ObservedUntil"/> are the start and
/// end of the ERP read it came from (null for values set directly, and in journals written before reads were
/// ordered; the end is null in journals written before reads had one).
/// </summary>
public sealed record ProductUpdated(
    string ProductId,
    long Version,
    decimal? Price,
    bool? UnlimitedStock,
    IReadOnlyDictionary<string, decimal>? Stock,
    IReadOnlyList<ListingRequest>? Linked,
    IReadOnlyList<string>? Unlinked,
    DateTimeOffset? ObservedAt = null,
    DateTimeOffset? ObservedUntil = null) : IProductEvent;

/// <summary>A pulled order will take this quantity: it is not offered again on its connection meanwhile.</summary>
public sealed record OrderQuantityHeld(string ProductId, string OrderId, string ConnectionId, decimal Quantity, long Version) : IProductEvent;

/// <summary>The ERP now reserves (or the order no longer needs) the held quantity.</summary>
public sealed record OrderQuantityReleased(string ProductId, string OrderId, long Version) : IProductEvent;
