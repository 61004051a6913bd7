using System.Globalization;
using System.Text.Json.Nodes;
using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Ebay;

/// <summary>Reads Fulfillment API orders one at a time; an order that cannot be read becomes an
/// <see cref="UnreadableOrder"/> and the rest of the page still counts. The buyer's eBay username keys the customer.</summary>
internal static class EbayOrderReader
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The getOrders query for orders modified at or after <paramref name="since"/>, percent-encoded as eBay requires.</summary>
    public static string Query(DateTimeOffset since, int limit, int offset) =>
        $"sell/fulfillment/v1/order?filter={Uri.EscapeDataString($"lastmodifieddate:[{Time(since)}..]")}&limit={limit}&offset={offset}";

    public static string StatusOf(JsonObject o)
    {
        if (o["cancelStatus"]?["cancelState"]?.ToString() == "CANCELED") return EbayStatusModel.Cancelled;
        if (o["orderPaymentStatus"]?.ToString() is "PENDING" or "FAILED") return EbayStatusModel.Pending;
        return o["orderFulfillmentStatus"]?.ToString() switch
        {
            "FULFILLED" => EbayStatusModel.Fulfilled,
            "IN_PROGRESS" => EbayStatusModel.InProgress,
            "NOT_STARTED" => EbayStatusModel.NotStarted,
            var other => throw new UnreadableEbayOrderException($"unknown orderFulfillmentStatus '{other}'"),
        };
    }

    public static MarketplaceOrder Read(JsonObject o, string customerPrefix)
    {
        var id = Text(o, "orderId") ?? throw new UnreadableEbayOrderException("order has no orderId");
        var status = StatusOf(o);
        var updated = Text(o, "lastModifiedDate") is { } u && DateTimeOffset.TryParse(u, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : throw new UnreadableEbayOrderException($"order {id} has no readable lastModifiedDate");
        var lines = new List<OrderLine>();
        foreach (var node in o["lineItems"] as JsonArray ?? throw new UnreadableEbayOrderException($"order {id} has no lineItems"))
        {
            if (node is not JsonObject line) throw new UnreadableEbayOrderException($"order {id}: a line is not an object");
            var lineId = Text(line, "lineItemId") is { } l && long.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n : throw new UnreadableEbayOrderException($"order {id}: a line has no numeric lineItemId");
            if (line["quantity"] is not JsonValue q || !q.TryGetValue<int>(out var quantity) || quantity < 1)
                throw new UnreadableEbayOrderException($"order {id}: line {lineId} has no quantity");
            // lineItemCost is the line's total; the unit price is what one unit cost.
            var cost = Money(line["lineItemCost"]) ?? 0m;
            lines.Add(new OrderLine(lineId, Text(line, "sku"), Text(line, "legacyItemId"), Text(line, "title"), quantity, Math.Round(cost / quantity, 4), null));
        }
        var buyer = o["buyer"] as JsonObject;
        var registration = buyer?["buyerRegistrationAddress"] as JsonObject;
        var username = buyer is null ? null : Text(buyer, "username");
        var shipTo = (o["fulfillmentStartInstructions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?["shippingStep"]?["shipTo"] as JsonObject;
        var name = (registration is null ? null : Text(registration, "fullName")) ?? username ?? $"eBay buyer of order {id}";
        var total = o["pricingSummary"]?["total"];
        return new MarketplaceOrder(id, Text(o, "legacyOrderId"), status, FulfilledByMarketplace: false,
            PaymentMethod: (o["orderPaymentStatus"]?.ToString() ?? "unknown").ToLowerInvariant(), RequiresDeliveryCode: false,
            new OrderTotals(Money(total) ?? lines.Sum(l => l.Quantity * l.UnitPrice), total?["currency"]?.ToString()),
            new MarketplaceCustomer(customerPrefix + (username ?? "order-" + id), name, registration?["primaryPhone"]?["phoneNumber"]?.ToString(), null,
                registration is null ? null : Text(registration, "email"), Address(shipTo?["contactAddress"] as JsonObject)),
            lines, $"eBay Order {id}", o.ToJsonString(), updated);
    }

    private static string? Address(JsonObject? a) =>
        a is null ? null
            : string.Join(", ", new[] { Text(a, "addressLine1"), Text(a, "city"), Text(a, "countryCode") }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } s ? s : null;

    private static decimal? Money(JsonNode? money)
    {
        var value = money?["value"];
        if (value is null) return null;
        return decimal.TryParse(value.ToString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? d : throw new UnreadableEbayOrderException($"amount '{value}' is not a number");
    }

    public static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}

internal sealed class UnreadableEbayOrderException(string message) : Exception(message);
