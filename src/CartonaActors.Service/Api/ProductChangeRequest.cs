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
    /// <param name="kindOf">The connection's default listing kind (null: unknown connection).</param>
    public (UpdateProduct? Command, string? Error) ToCommand(string productId, Func<string, string?> kindOf)
    {
        var listings = new List<ListingRequest>();
        foreach (var l in Listings ?? [])
        {
            if (l is null) return (null, "listings: an entry is null");
            // Cartona's two ids keep their names in the API; "id" is of the connection's own kind (or "kind").
            var given = new[] { (l.Id, l.Kind ?? kindOf(l.Connection ?? "")), (l.InternalProductId, "InternalProductId"), (l.SupplierProductId, "SupplierProductId") }
                .Where(x => !string.IsNullOrWhiteSpace(x.Item1)).ToList();
            if (given.Count != 1)
                return (null, $"listings[{l.Connection}]: give exactly one of id, internalProductId or supplierProductId");
            var (value, kind) = given[0];
            if (kind is null) return (null, $"listings: unknown connection '{l.Connection}'");
            listings.Add(new ListingRequest(l.Connection ?? "", new ListingRef(kind, value!.Trim(), l.Keys is { Count: > 0 } keys
                ? System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, keys) : null)));
        }
        return (new UpdateProduct(productId, Price, Stock, UnlimitedStock, Listings is null ? null : listings, Unlink), null);
    }
}

/// <summary>Links the product to a marketplace connection under the id that marketplace knows it by: <c>id</c>
/// (of the connection's listing kind, or <c>kind</c>), or one of Cartona's two ids by name; <c>keys</c> holds
/// further ids a platform needs for one listing.</summary>
public sealed record ListingChange(string? Connection, string? Id, string? Kind, string? InternalProductId, string? SupplierProductId,
    Dictionary<string, string>? Keys = null);
