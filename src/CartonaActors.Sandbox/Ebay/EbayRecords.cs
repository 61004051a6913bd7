namespace CartonaActors.Sandbox.Ebay;

/// <summary>A listing as the account holds it now: the inventory item's SKU, its one published offer, and how often
/// that offer was revised in the current <see cref="EbayEmulatorOptions.RevisionDayZone"/> day and in all.</summary>
public sealed record EbayListing(string Sku, string OfferId, decimal Price, int Quantity, int RevisionsToday, int RevisionsTotal);

/// <summary>An order's buyer: the eBay username and the registration address fields getOrders returns.</summary>
public sealed record EbayBuyer(string Username, string FullName, string Email, string? Phone);

public sealed record EbayAddress(string FullName, string Line1, string City, string CountryCode);

public sealed record EbayOrderLine(string Sku, int Quantity, decimal UnitPrice);

/// <summary>An order as the account holds it now. <see cref="CancelRequests"/> counts buyer and seller requests.</summary>
public sealed record EbayOrderView(string OrderId, string LegacyOrderId, string FulfillmentStatus, string CancelState, int Fulfillments,
    int CancelRequests, DateTimeOffset LastModified);

/// <summary>One answered request. <see cref="Path"/> has no leading slash and no query; <see cref="Api"/> is
/// inventory, fulfillment, post-order, identity or unknown.</summary>
public sealed record EbayRecordedCall(DateTimeOffset At, string Method, string Path, int Status, string Api)
{
    /// <summary>The raw query string (still percent-encoded, without '?'), or null when there was none.</summary>
    public string? Query { get; init; }

    /// <summary>The request body, when <see cref="EbayEmulatorOptions.RecordRequestBodies"/> is on.</summary>
    public string? Body { get; init; }
}
