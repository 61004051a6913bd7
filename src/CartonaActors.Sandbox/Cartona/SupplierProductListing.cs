using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Cartona;

/// <summary><c>GET supplier-product</c>: a page of supplier products as a bare JSON array, stable by id.</summary>
internal sealed class SupplierProductListing(CartonaCatalog catalog)
{
    private const int DefaultPerPage = 100;
    private const int MaxPerPage = 1000;

    public EndpointResult Handle(IQueryCollection query)
    {
        if (!TryReadPositive(query, "page", 1, out var page))
            return EndpointResult.Error(400, "page must be a positive integer");
        if (!TryReadPositive(query, "per_page", DefaultPerPage, out var perPage))
            return EndpointResult.Error(400, "per_page must be a positive integer");
        perPage = Math.Min(perPage, MaxPerPage);

        IEnumerable<CartonaProduct> products = catalog.All();
        if (query.TryGetValue("internal_product_id", out var internalId) && !string.IsNullOrEmpty(internalId))
            products = products.Where(p => p.InternalProductId == internalId.ToString());
        if (query.TryGetValue("supplier_product_id", out var supplierId) && !string.IsNullOrEmpty(supplierId))
            products = products.Where(p => p.SupplierProductId.ToString(CultureInfo.InvariantCulture) == supplierId.ToString());

        var pageItems = products.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * perPage)).Take(perPage);
        return new EndpointResult(200, JsonText.Write(w =>
        {
            w.WriteStartArray();
            foreach (var p in pageItems)
            {
                w.WriteStartObject();
                w.WriteNumber("id", p.SupplierProductId);
                WriteNullable(w, "internal_product_id", p.InternalProductId);
                WriteNullable(w, "selling_price", p.SellingPrice);
                w.WriteNumber("available_stock_quantity", p.AvailableStockQuantity);
                w.WriteBoolean("is_unlimited_stock", p.IsUnlimitedStock);
                w.WriteBoolean("is_published", p.IsPublished);
                w.WriteBoolean("in_stock", p.InStock);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }

    private static void WriteNullable(System.Text.Json.Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static bool TryReadPositive(IQueryCollection query, string name, int fallback, out int value)
    {
        value = fallback;
        if (!query.TryGetValue(name, out var raw) || string.IsNullOrEmpty(raw)) return true;
        return int.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;
    }
}
