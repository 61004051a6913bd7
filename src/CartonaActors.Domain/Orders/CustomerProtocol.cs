using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Orders;

/// <summary>A message for one buyer's customer entity (id: the ERP external id the platform chose, e.g.
/// <c>retailer_&lt;code&gt;</c>).</summary>
public interface IWithCustomerId
{
    string CustomerId { get; }
}

public static class CustomerIds
{
    public static string Of(MarketplaceCustomer customer) => customer.Ref;
}

/// <summary>Find the buyer's ERP partner, create it once, bring its details up to date; reply with its id.</summary>
public sealed record EnsureCustomer(string CustomerId, MarketplaceCustomer Customer) : IWithCustomerId, IWireSerializable;

public sealed record CustomerEnsured(string CustomerId, long PartnerId) : IWireSerializable;

public sealed record CustomerNotEnsured(string CustomerId, string Reason) : IWireSerializable;

/// <summary>The buyer is this ERP partner, with these details written.</summary>
public sealed record CustomerPartnerLinked(string CustomerId, long PartnerId, string DetailsDigest) : IWithCustomerId, IWireSerializable;
