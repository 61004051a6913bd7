using System.Globalization;
using System.Text;
using System.Text.Json;
using CartonaActors.Domain.Products;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>
/// The body of <c>POST supplier-product/bulk-update</c>, with the field names and value types of Cartona's own
/// module. Unknown values are left out rather than sent as null, so they never overwrite what Cartona holds.
/// </summary>
internal static class BulkUpdatePayload
{
    public static string Build(IReadOnlyList<PushItem> items)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartArray();
            foreach (var item in items) WriteItem(w, item);
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteItem(Utf8JsonWriter w, PushItem item)
    {
        w.WriteStartObject();
        WriteIdentity(w, item.Ref);
        var values = item.Values;
        if (values.Price is { } price) w.WriteString("selling_price", CartonaPriceText.Format(price));
        if (values.UnlimitedStock == true)
        {
            // Cartona ignores the quantity of an unlimited product; the real module does not send one.
            w.WriteBoolean("is_unlimited_stock", true);
        }
        else if (values.Quantity is { } quantity)
        {
            w.WriteBoolean("is_unlimited_stock", false);
            w.WriteNumber("available_stock_quantity", quantity);
        }
        // Sent only when a product leaves the connection (false) or comes back (true).
        if (values.Published is { } published) w.WriteBoolean("is_published", published);
        w.WriteEndObject();
    }

    private static void WriteIdentity(Utf8JsonWriter w, ListingRef productRef)
    {
        switch (productRef.Kind)
        {
            case "SupplierProductId"
                when long.TryParse(productRef.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                w.WriteNumber("supplier_product_id", id);
                break;
            case "SupplierProductId":
                w.WriteString("supplier_product_id", productRef.Value);
                break;
            case "InternalProductId":
                w.WriteString("internal_product_id", productRef.Value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(productRef), productRef.Kind, "unknown external id kind");
        }
    }
}
