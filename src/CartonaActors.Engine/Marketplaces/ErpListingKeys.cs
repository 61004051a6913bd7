using CartonaActors.Domain.Listings;
using CartonaActors.Domain.Orders;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Marketplaces;

/// <summary>
/// Turns the listing keys of pulled order lines into ERP variant ids, for connections that list by something
/// other than the variant id (a SKU, a barcode, an ERP field): the marketplace only knows its own key, and the
/// order rules work in variant ids. One ERP call per page of orders. A key no variant (or several) has is kept as
/// <c>field=value</c>, so it can never be taken for a variant id, and the order is held saying which it was.
/// </summary>
public sealed class ErpListingKeys
{
    /// <summary>The ERP's catalog once the Odoo connector is built (none: no connector, nothing to resolve against).</summary>
    public IOdooCatalog? Catalog { get; set; }

    public static string? FieldOf(ListingRule rule) => rule.Source switch
    {
        ListingSource.Sku => "default_code",
        ListingSource.Barcode => "barcode",
        ListingSource.ErpField => rule.Field,
        _ => null,
    };

    public async Task<OrderPage> ResolveAsync(OrderPage page, ListingRule rule, CancellationToken ct)
    {
        if (FieldOf(rule) is not { } field || Catalog is not { } catalog || page.Orders.Count == 0) return page;
        var keys = page.Orders.SelectMany(o => o.Lines).Select(l => l.ListingKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var found = keys.Count == 0 ? new Dictionary<string, long>() : await catalog.FindVariantIdsAsync(field, keys, ct);
        string? Resolve(string? key) => key is null ? null
            : found.TryGetValue(key, out var id) ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{field}={key}";
        return page with
        {
            Orders = page.Orders.Select(o => o with { Lines = o.Lines.Select(l => l with { ListingKey = Resolve(l.ListingKey) }).ToList() }).ToList(),
        };
    }
}
