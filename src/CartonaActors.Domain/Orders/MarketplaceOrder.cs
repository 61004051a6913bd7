namespace CartonaActors.Domain.Orders;

/// <summary>
/// An order as a marketplace returned it, in neutral terms (each platform's reader fills it), plus the raw JSON
/// it came from, kept verbatim.
/// </summary>
/// <param name="Id">The marketplace's order id (an ack-queue platform's hashed id, a REST marketplace's order id).</param>
/// <param name="Reference">A second, human-facing number where the platform has one (a receipt id).</param>
/// <param name="Status">The platform's own status value; its status model maps it to a stage.</param>
/// <param name="FulfilledByMarketplace">The marketplace delivers: the seller may only cancel.</param>
/// <param name="PaymentMethod">The platform's payment kind, as its reader names it (shown to people only).</param>
/// <param name="RequiresDeliveryCode">The buyer's one-time code is needed to mark the order delivered.</param>
/// <param name="Title">What the ERP sale order says it is (the platform names it, e.g. "&lt;Platform&gt; Order X").</param>
/// <param name="UpdatedAt">When the marketplace last changed it, where the platform says (cursor sources).</param>
public sealed record MarketplaceOrder(
    string Id,
    string? Reference,
    string Status,
    bool FulfilledByMarketplace,
    string PaymentMethod,
    bool RequiresDeliveryCode,
    OrderTotals Totals,
    MarketplaceCustomer Customer,
    IReadOnlyList<OrderLine> Lines,
    string Title,
    string RawJson,
    DateTimeOffset? UpdatedAt = null)
{
    /// <summary>Whether a pulled order is a new version or the same one again (not yet acknowledged, or read again
    /// through a cursor's overlap).</summary>
    public bool SameVersionAs(MarketplaceOrder other) =>
        Status == other.Status && FulfilledByMarketplace == other.FulfilledByMarketplace && Customer == other.Customer
        && Lines.Count == other.Lines.Count && Lines.SequenceEqual(other.Lines);
}

/// <param name="Ref">The ERP customer's external id (<c>retailer_&lt;code&gt;</c>), chosen by the platform so two
/// marketplaces' customers never share one.</param>
public sealed record MarketplaceCustomer(string Ref, string Name, string? Phone, string? Phone2, string? Email, string? Address);

/// <param name="Id">The marketplace's line id.</param>
/// <param name="ListingKey">The listing's key on the marketplace (e.g. the ERP variant id it was listed under).</param>
/// <param name="MarketplaceProductId">The marketplace's own id for the product, where it sends one.</param>
public sealed record OrderLine(
    long Id,
    string? ListingKey,
    string? MarketplaceProductId,
    string? ProductName,
    decimal Quantity,
    decimal UnitPrice,
    string? Comment);

public sealed record OrderTotals(decimal Amount, string? Currency);

/// <summary>One pulled order that could not even be read, with the reason (the pull goes on without it).</summary>
public sealed record UnreadableOrder(string? OrderId, string Reason, string RawJson);
