using CartonaActors.Domain.Json;
using System.Globalization;
using System.Text.Json;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Secrets;

namespace CartonaActors.Marketplaces.Rest;

/// <summary>
/// Reads a page of <c>GET v1/orders</c> (<c>{data, next_cursor, has_more}</c>) one order at a time: an order that
/// cannot be read becomes an <see cref="UnreadableOrder"/> and the rest of the page still counts.
/// </summary>
internal static class RestOrderReader
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent;

    /// <summary>The page, or null when the body is not the page object at all.</summary>
    public static OrderPage? Read(string body, SecretScrubber scrubber, string customerPrefix)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body); }
        catch (JsonException) { return null; }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                return null;
            var orders = new List<MarketplaceOrder>();
            var unreadable = new List<UnreadableOrder>();
            foreach (var element in data.EnumerateArray())
            {
                var raw = element.GetRawText();
                try
                {
                    orders.Add(ReadOrder(element, raw, customerPrefix));
                }
                catch (UnreadableException ex)
                {
                    unreadable.Add(new UnreadableOrder(element.ValueKind == JsonValueKind.Object ? Text(element, "id") : null, scrubber.Excerpt(ex.Message), raw));
                }
            }
            var next = root.TryGetProperty("next_cursor", out var c) && c.ValueKind == JsonValueKind.String ? JsonStrings.Read(c) : null;
            var hasMore = root.TryGetProperty("has_more", out var h) && h.ValueKind == JsonValueKind.True;
            return new OrderPage(orders, unreadable, data.GetArrayLength(), next, hasMore);
        }
    }

    private static MarketplaceOrder ReadOrder(JsonElement o, string raw, string customerPrefix)
    {
        if (o.ValueKind != JsonValueKind.Object) throw new UnreadableException("order is not a JSON object");
        var id = Text(o, "id");
        if (string.IsNullOrWhiteSpace(id)) throw new UnreadableException("order has no id");
        var status = Text(o, "status") ?? throw new UnreadableException("order has no status");
        if (!o.TryGetProperty("customer", out var customer) || customer.ValueKind != JsonValueKind.Object)
            throw new UnreadableException("order has no customer object");
        var customerId = Text(customer, "id") ?? throw new UnreadableException("customer has no id");
        if (!o.TryGetProperty("lines", out var lines) || lines.ValueKind != JsonValueKind.Array)
            throw new UnreadableException("order has no lines array");
        var read = new List<OrderLine>();
        var index = 0;
        foreach (var line in lines.EnumerateArray())
        {
            var at = $"lines[{index++}]";
            if (line.ValueKind != JsonValueKind.Object) throw new UnreadableException($"{at} is not a JSON object");
            if (!long.TryParse(Text(line, "id"), NumberStyles.None, CultureInfo.InvariantCulture, out var lineId))
                throw new UnreadableException($"{at} has no integer id");
            read.Add(new OrderLine(lineId, Text(line, "external_id"), null, Text(line, "name"),
                Decimal(line, "qty", at) ?? throw new UnreadableException($"{at} has no qty"), Decimal(line, "unit_price", at) ?? 0m, null));
        }
        var totals = o.TryGetProperty("totals", out var t) && t.ValueKind == JsonValueKind.Object
            ? new OrderTotals(Decimal(t, "amount", "totals") ?? 0m, Text(t, "currency"))
            : new OrderTotals(read.Sum(l => l.Quantity * l.UnitPrice), null);
        var updatedAt = Text(o, "updated_at") is { } u
            ? DateTimeOffset.TryParse(u, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at2) ? at2
                : throw new UnreadableException($"updated_at '{u}' is not a timestamp")
            : throw new UnreadableException("order has no updated_at");
        return new MarketplaceOrder(id, null, status, FulfilledByMarketplace: false, PaymentMethod: "marketplace", RequiresDeliveryCode: false,
            totals, new MarketplaceCustomer(customerPrefix + customerId, Text(customer, "name") ?? "", Text(customer, "phone"), null,
                Text(customer, "email"), Address(o)),
            read, "Marketplace order " + id, raw, updatedAt);
    }

    private static string? Address(JsonElement o) =>
        o.TryGetProperty("shipping_address", out var a) && a.ValueKind == JsonValueKind.Object
            ? string.Join(", ", new[] { Text(a, "line1"), Text(a, "city"), Text(a, "country") }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } s ? s : null
            : null;

    private static decimal? Decimal(JsonElement e, string name, string at)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var n)) return n;
        if (v.ValueKind == JsonValueKind.String && decimal.TryParse(JsonStrings.Read(v), DecimalStyle, CultureInfo.InvariantCulture, out var p)) return p;
        throw new UnreadableException($"{at}: {name} is not a number");
    }

    private static string? Text(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) ? null : v.ValueKind switch
        {
            JsonValueKind.String => JsonStrings.Read(v) is { } s && !string.IsNullOrWhiteSpace(s) ? s : null,
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };

    private sealed class UnreadableException(string message) : Exception(message);
}
