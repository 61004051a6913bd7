using System.Globalization;
using CartonaActors.Domain.Products;

namespace CartonaActors.Erp;

/// <summary>
/// How an Odoo variant becomes a product update, as the Cartona module does it: the product is the variant
/// (id = variant id), listed on every ERP-fed connection as <c>internal_product_id</c> = variant id while it is
/// active and saleable, priced at <c>lst_price</c>, stocked with <c>free_qty</c> per warehouse code.
/// </summary>
public static class OdooProductMapping
{
    public static string ProductId(long variantId) => variantId.ToString(CultureInfo.InvariantCulture);

    public static UpdateProduct ToUpdate(
        OdooVariant variant,
        IReadOnlyDictionary<string, decimal> freeQuantityByWarehouseCode,
        IReadOnlyList<string> connections)
    {
        var id = ProductId(variant.Id);
        var saleable = variant.Active && variant.SaleOk;
        var listings = saleable
            ? connections.Select(c => new ListingRequest(c, new ExternalProductRef(ExternalIdKind.InternalProductId, id))).ToList()
            : null;
        return new UpdateProduct(
            id,
            variant.LstPrice,
            freeQuantityByWarehouseCode.Count > 0 ? freeQuantityByWarehouseCode : null,
            variant.UnlimitedStock,
            listings,
            saleable ? null : connections);
    }
}
