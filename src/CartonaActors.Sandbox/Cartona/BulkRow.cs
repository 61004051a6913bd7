using System.Globalization;
using System.Text.Json;

namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// One row of a bulk-update body, read with the platform's rules. A row with any error is refused whole:
/// Cartona never half-applies a row.
/// </summary>
internal sealed record BulkRow(
    long? SupplierProductId,
    string? InternalProductId,
    string? SellingPrice,
    int? AvailableStockQuantity,
    bool? IsUnlimitedStock,
    IReadOnlyList<string> Errors,
    bool? IsPublished = null)
{
    public static BulkRow Read(JsonElement item)
    {
        var errors = new List<string>();
        if (item.ValueKind != JsonValueKind.Object)
            return new BulkRow(null, null, null, null, null, ["each item must be a JSON object"]);

        var supplierId = ReadSupplierId(item, errors);
        var internalId = ReadInternalId(item, errors);
        if (supplierId is null && internalId is null && errors.Count == 0)
            errors.Add("supplier_product_id or internal_product_id is required");

        return new BulkRow(supplierId, internalId, ReadPrice(item, errors), ReadQuantity(item, errors),
            ReadFlag(item, "is_unlimited_stock", errors), errors, ReadFlag(item, "is_published", errors));
    }

    private static long? ReadSupplierId(JsonElement item, List<string> errors)
    {
        if (!TryGet(item, "supplier_product_id", out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number;
        if (value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        errors.Add("supplier_product_id must be an integer");
        return null;
    }

    private static string? ReadInternalId(JsonElement item, List<string> errors)
    {
        if (!TryGet(item, "internal_product_id", out var value)) return null;
        // Laravel-style APIs coerce a number to its text; the real client always sends a string.
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("internal_product_id must be a non-empty string");
            return null;
        }
        return text;
    }

    private static string? ReadPrice(JsonElement item, List<string> errors)
    {
        if (!TryGet(item, "selling_price", out var value)) return null;
        // The real module sends Python float text ("12.5"); numbers are accepted too. Stored as sent.
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        const NumberStyles style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;
        if (text is null || !decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var price))
        {
            errors.Add("selling_price must be a number");
            return null;
        }
        if (price < 0)
        {
            errors.Add("selling_price must not be negative");
            return null;
        }
        return text;
    }

    private static int? ReadQuantity(JsonElement item, List<string> errors)
    {
        if (!TryGet(item, "available_stock_quantity", out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var quantity))
        {
            errors.Add("available_stock_quantity must be an integer");
            return null;
        }
        if (quantity < 0)
        {
            errors.Add("negative stock is not allowed");
            return null;
        }
        return quantity;
    }

    private static bool? ReadFlag(JsonElement item, string name, List<string> errors)
    {
        if (!TryGet(item, name, out var value)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        errors.Add($"{name} must be true or false");
        return null;
    }

    // An explicit null is treated as "not sent", as the platform's validators do.
    private static bool TryGet(JsonElement item, string name, out JsonElement value) =>
        item.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
}
