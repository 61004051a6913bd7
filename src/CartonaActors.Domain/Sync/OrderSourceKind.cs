namespace CartonaActors.Domain.Sync;

/// <summary>How a platform hands out its orders.</summary>
public enum OrderSourceKind
{
    /// <summary>Pages of orders not yet acknowledged; an order comes back until acknowledged and after every
    /// change.</summary>
    AckQueue,
    /// <summary>Orders updated since a time, paged by an opaque cursor, with no acknowledgement (Shopify,
    /// Amazon, eBay, generic REST).</summary>
    UpdatedSinceCursor,
}

/// <summary>Which page of a connection's order source to read.</summary>
/// <param name="Page">1-based page number (ack queue).</param>
/// <param name="Cursor">The previous page's next cursor (cursor source); takes precedence over the time.</param>
/// <param name="UpdatedSince">Inclusive lower bound on the order's update time (cursor source, first page).</param>
public sealed record OrderPageRequest(int Page, int PerPage, string? Cursor, DateTimeOffset? UpdatedSince);
