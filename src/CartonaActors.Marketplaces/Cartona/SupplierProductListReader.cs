using CartonaActors.Domain.Json;
using CartonaActors.Domain.Secrets;
using System.Text.Json;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>Reads <c>GET supplier-product</c>'s bare JSON array, tolerating number-or-string values.</summary>
internal static class SupplierProductListReader
{
    public static IReadOnlyList<CartonaSupplierProduct> Read(string body, SecretScrubber scrubber)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new CartonaApiException($"Cartona supplier product list is not a JSON array: {scrubber.Excerpt(body)}", 200);
            return document.RootElement.EnumerateArray().Select(ReadItem).ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException
            or KeyNotFoundException or OverflowException)
        {
            throw new CartonaApiException($"Cartona supplier product list is unreadable: {scrubber.Excerpt(body)}", 200);
        }
    }

    private static CartonaSupplierProduct ReadItem(JsonElement item) =>
        new(
            Id: item.GetProperty("id").ValueKind == JsonValueKind.String
                ? long.Parse(JsonStrings.Read(item.GetProperty("id")), System.Globalization.CultureInfo.InvariantCulture)
                : item.GetProperty("id").GetInt64(),
            InternalProductId: Text(item, "internal_product_id"),
            SellingPrice: Text(item, "selling_price"),
            AvailableStockQuantity: item.TryGetProperty("available_stock_quantity", out var q) && q.ValueKind == JsonValueKind.Number
                ? q.GetInt32()
                : null,
            IsUnlimitedStock: item.TryGetProperty("is_unlimited_stock", out var u) && u.ValueKind == JsonValueKind.True,
            IsPublished: item.TryGetProperty("is_published", out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? p.ValueKind == JsonValueKind.True
                : null);

    private static string? Text(JsonElement item, string name) =>
        !item.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => JsonStrings.Read(value),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
}
