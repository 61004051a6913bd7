using CartonaActors.Domain.Products;

namespace CartonaActors.Service.Api;

/// <summary>Body of <c>PUT /api/products/{id}</c>: any subset of the product's ERP values.</summary>
public sealed record ProductChangeRequest(
    decimal? Price,
    Dictionary<string, decimal>? Stock,
    bool? UnlimitedStock,
    List<ListingChange>? Listings,
    List<string>? Unlink)
{
    public (UpdateProduct? Command, string? Error) ToCommand(string productId)
    {
        var listings = new List<ListingRequest>();
        foreach (var l in Listings ?? [])
        {
            if (l is null) return (null, "listings: an entry is null");
            var hasInternal = !string.IsNullOrWhiteSpace(l.InternalProductId);
            var hasSupplier = !string.IsNullOrWhiteSpace(l.SupplierProductId);
            if (hasInternal == hasSupplier)
                return (null, $"listings[{l.Connection}]: give exactly one of internalProductId or supplierProductId");
            listings.Add(new ListingRequest(l.Connection ?? "", hasInternal
                ? new ExternalProductRef(ExternalIdKind.InternalProductId, l.InternalProductId!)
                : new ExternalProductRef(ExternalIdKind.SupplierProductId, l.SupplierProductId!)));
        }
        return (new UpdateProduct(productId, Price, Stock, UnlimitedStock, Listings is null ? null : listings, Unlink), null);
    }
}

/// <summary>Links the product to a marketplace connection under the id that marketplace knows it by.</summary>
public sealed record ListingChange(string? Connection, string? InternalProductId, string? SupplierProductId);
