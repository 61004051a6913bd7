using System.Globalization;
using System.Text.Json.Nodes;
using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Amazon;

/// <summary>
/// Reads Orders API 2026-01-01 orders one at a time: an order that cannot be read becomes an
/// <see cref="UnreadableOrder"/> and the rest of the page still counts. Amazon names no buyer id; its buyer e-mail
/// is an anonymised address stable per buyer and seller, so it keys the ERP customer.
/// </summary>
internal static class AmazonOrderReader
{
    /// <summary>The datasets every page asks for.</summary>
    public const string IncludedData = "BUYER,RECIPIENT,PROCEEDS,CANCELLATION,FULFILLMENT";

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static MarketplaceOrder Read(JsonObject o, string customerPrefix)
    {
        var id = Text(o, "orderId") ?? throw new UnreadableAmazonOrderException("order has no orderId");
        var fulfillment = o["fulfillment"] as JsonObject;
        var status = (fulfillment is null ? null : Text(fulfillment, "fulfillmentStatus"))?.ToLowerInvariant()
                     ?? throw new UnreadableAmazonOrderException($"order {id} has no fulfillment.fulfillmentStatus");
        var updated = Text(o, "lastUpdatedTime") is { } u && DateTimeOffset.TryParse(u, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : throw new UnreadableAmazonOrderException($"order {id} has no readable lastUpdatedTime");
        var lines = new List<OrderLine>();
        foreach (var node in o["orderItems"] as JsonArray ?? throw new UnreadableAmazonOrderException($"order {id} has no orderItems"))
        {
            if (node is not JsonObject item) throw new UnreadableAmazonOrderException($"order {id}: an item is not an object");
            var itemId = Text(item, "orderItemId") is { } i && long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n : throw new UnreadableAmazonOrderException($"order {id}: an item has no numeric orderItemId");
            if (item["quantityOrdered"] is not JsonValue q || !q.TryGetValue<int>(out var quantity))
                throw new UnreadableAmazonOrderException($"order {id}: item {itemId} has no quantityOrdered");
            var product = item["product"] as JsonObject;
            lines.Add(new OrderLine(itemId, product is null ? null : Text(product, "sellerSku"), product is null ? null : Text(product, "asin"),
                product is null ? null : Text(product, "title"), quantity, Amount(product?["price"]?["unitPrice"]) ?? 0m, null));
        }
        var buyer = o["buyer"] as JsonObject;
        var address = o["recipient"]?["deliveryAddress"] as JsonObject;
        var email = buyer is null ? null : Text(buyer, "buyerEmail");
        var name = (buyer is null ? null : Text(buyer, "buyerName")) ?? (address is null ? null : Text(address, "name")) ?? $"Amazon buyer of order {id}";
        var total = o["proceeds"]?["grandTotal"];
        return new MarketplaceOrder(id, id, status, FulfilledByMarketplace: fulfillment?["fulfilledBy"]?.ToString() == "AMAZON",
            PaymentMethod: "amazon", RequiresDeliveryCode: false,
            new OrderTotals(Amount(total) ?? lines.Sum(l => l.Quantity * l.UnitPrice), total?["currencyCode"]?.ToString()),
            // Without the buyer dataset the order itself stands for its buyer.
            new MarketplaceCustomer(customerPrefix + (email ?? "order-" + id), name, address is null ? null : Text(address, "phone"), null, email, Address(address)),
            lines, $"Amazon Order {id}", o.ToJsonString(), updated);
    }

    private static string? Address(JsonObject? a) =>
        a is null ? null
            : string.Join(", ", new[] { Text(a, "addressLine1"), Text(a, "city"), Text(a, "countryCode") }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } s ? s : null;

    /// <summary>A Money's amount: a decimal string by the model, a number from a lenient server.</summary>
    private static decimal? Amount(JsonNode? money)
    {
        var amount = money?["amount"];
        if (amount is null) return null;
        return decimal.TryParse(amount.ToString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? d : throw new UnreadableAmazonOrderException($"amount '{amount}' is not a number");
    }

    public static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}

internal sealed class UnreadableAmazonOrderException(string message) : Exception(message);
