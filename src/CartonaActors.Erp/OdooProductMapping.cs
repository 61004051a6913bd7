using System.Globalization;
using CartonaActors.Domain.Listings;
using CartonaActors.Domain.Products;

namespace CartonaActors.Erp;

/// <summary>
/// How an Odoo variant becomes a product update: the product is the variant (id = variant id), priced at
/// <c>lst_price</c>, stocked with <c>free_qty</c> per warehouse code, and listed on each ERP-fed connection as
/// that connection's listing rule says (by variant id, an ERP field, SKU or barcode; only when opted in, if the
/// connection asks so) while it is active and saleable — unlisted there otherwise.
/// </summary>
public static class OdooProductMapping
{
    public static string ProductId(long variantId) => variantId.ToString(CultureInfo.InvariantCulture);

    public static UpdateProduct ToUpdate(
        OdooVariant variant,
        IReadOnlyDictionary<string, decimal> freeQuantityByWarehouseCode,
        IReadOnlyList<(string Connection, ListingRule Rule)> connections)
    {
        var id = ProductId(variant.Id);
        var keys = new ErpVariantKeys(variant.Id, variant.DefaultCode, variant.Fields?.GetValueOrDefault("barcode"),
            variant.Fields ?? new Dictionary<string, string?>());
        var saleable = variant.Active && variant.SaleOk;
        var listings = new List<ListingRequest>();
        var unlisted = new List<string>();
        foreach (var (connection, rule) in connections)
        {
            if (saleable && rule.ListingFor(keys) is { } listing) listings.Add(new ListingRequest(connection, listing));
            else unlisted.Add(connection);
        }
        return new UpdateProduct(
            id,
            variant.LstPrice,
            freeQuantityByWarehouseCode.Count > 0 ? freeQuantityByWarehouseCode : null,
            variant.UnlimitedStock,
            listings.Count > 0 ? listings : null,
            unlisted.Count > 0 ? unlisted : null);
    }
}
