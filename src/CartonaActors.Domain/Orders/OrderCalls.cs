namespace CartonaActors.Domain.Orders;

/// <summary>A status the seller sends, in the platform's own vocabulary, with what some transitions need.</summary>
/// <param name="DeliveryCode">The buyer's one-time code, for platforms that require it on delivery.</param>
/// <param name="Reason">Why the seller cancels, for platforms that require one.</param>
public sealed record OrderStatusUpdate(string Status, string? DeliveryCode = null, string? Reason = null);

/// <summary>A seller's line edit: change (<see cref="Id"/> set), add (<see cref="ListingKey"/> set, no id) or
/// cancel (<see cref="Cancelled"/>) a line.</summary>
public sealed record OrderLineChange(long? Id, string? ListingKey, decimal? Quantity, decimal? Price, bool Cancelled = false, string? Comment = null);

/// <summary>One page of a connection's order source.</summary>
/// <param name="RawCount">Elements the page held, readable or not (an ack queue pages until a short page).</param>
/// <param name="NextCursor">Where a cursor source goes on from (null: the end).</param>
public sealed record OrderPage(
    IReadOnlyList<MarketplaceOrder> Orders,
    IReadOnlyList<UnreadableOrder> Unreadable,
    int RawCount,
    string? NextCursor = null,
    bool HasMore = false);
