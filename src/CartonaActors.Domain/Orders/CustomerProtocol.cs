using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Orders;

/// <summary>A message for one retailer's customer entity (id <c>retailer_&lt;retailer_code&gt;</c>, the ERP external id).</summary>
public interface IWithCustomerId
{
    string CustomerId { get; }
}

public static class CustomerIds
{
    public static string Of(CartonaRetailer retailer) => "retailer_" + retailer.Code;
}

/// <summary>Find the retailer's ERP partner, create it once, bring its details up to date; reply with its id.</summary>
public sealed record EnsureCustomer(string CustomerId, CartonaRetailer Retailer) : IWithCustomerId, ICartonaSerializable;

public sealed record CustomerEnsured(string CustomerId, long PartnerId) : ICartonaSerializable;

public sealed record CustomerNotEnsured(string CustomerId, string Reason) : ICartonaSerializable;

/// <summary>The retailer is this ERP partner, with these details written.</summary>
public sealed record CustomerPartnerLinked(string CustomerId, long PartnerId, string DetailsDigest) : IWithCustomerId, ICartonaSerializable;
