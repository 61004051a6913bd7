using System.Globalization;
using System.Text.Json.Nodes;
using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Shopify;

/// <summary>
/// Reads the <c>orders</c> query's nodes one at a time: an order that cannot be read becomes an
/// <see cref="UnreadableOrder"/> and the rest of the page still counts. An order is known here by its numeric id,
/// the one Shopify's admin and webhooks show.
/// </summary>
internal static class ShopifyOrderReader
{
    public const int LinesPerOrder = 25;

    private const string LineFields = "id sku name quantity variant{id barcode} originalUnitPriceSet{shopMoney{amount currencyCode}}";

    // An order node: itself, customer, address, total and its money (1 each), and its lines connection.
    public static int OrderCost => 5 + 2 + LinesPerOrder * 4;

    public static string PageQuery =>
        "query($first:Int!,$after:String,$q:String){orders(first:$first,after:$after,sortKey:UPDATED_AT,query:$q){pageInfo{hasNextPage endCursor} "
        + "nodes{id name updatedAt cancelledAt displayFulfillmentStatus displayFinancialStatus email phone "
        + "customer{id email phone firstName lastName} shippingAddress{address1 city country} totalPriceSet{shopMoney{amount currencyCode}} "
        + $"lineItems(first:{LinesPerOrder}){{pageInfo{{hasNextPage endCursor}} nodes{{{LineFields}}}}}}}}}}}";

    public const int MoreLinesPerCall = 100;

    public static double MoreLinesCost => 1 + 2 + MoreLinesPerCall * 4;

    public static string MoreLinesQuery =>
        $"query($id:ID!,$after:String){{order(id:$id){{lineItems(first:{MoreLinesPerCall},after:$after){{pageInfo{{hasNextPage endCursor}} nodes{{{LineFields}}}}}}}}}";

    /// <summary>The search for orders updated at or after <paramref name="since"/> (Shopify compares to the second).</summary>
    public static string UpdatedSince(DateTimeOffset since) =>
        $"updated_at:>='{since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}'";

    public static MarketplaceOrder Read(JsonObject o, IReadOnlyList<JsonObject> lines, string customerPrefix, bool byBarcode)
    {
        var gid = Text(o, "id") ?? throw new UnreadableOrderException("order has no id");
        var id = ShopifyIds.Tail(gid);
        var status = Text(o, "cancelledAt") is not null ? ShopifyStatusModel.Cancelled
            : Text(o, "displayFulfillmentStatus") == "FULFILLED" ? ShopifyStatusModel.Fulfilled
            : ShopifyStatusModel.Open;
        var updated = Text(o, "updatedAt") is { } u && DateTimeOffset.TryParse(u, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : throw new UnreadableOrderException("order has no readable updatedAt");
        var read = new List<OrderLine>();
        foreach (var line in lines)
        {
            var lineGid = Text(line, "id") ?? throw new UnreadableOrderException("a line has no id");
            var lineId = ShopifyIds.Number(lineGid) ?? throw new UnreadableOrderException($"line id {lineGid} is not numeric");
            var variant = line["variant"] as JsonObject;
            var key = byBarcode ? (variant is null ? null : Text(variant, "barcode")) : Text(line, "sku");
            if (line["quantity"] is not JsonValue q || !q.TryGetValue<int>(out var quantity))
                throw new UnreadableOrderException($"line {lineId} has no quantity");
            read.Add(new OrderLine(lineId, key, variant is null ? null : Text(variant, "id") is { } v ? ShopifyIds.Tail(v) : null,
                Text(line, "name"), quantity, Money(line["originalUnitPriceSet"]) ?? 0m, null));
        }
        var customer = o["customer"] as JsonObject;
        var customerId = customer is null ? null : Text(customer, "id") is { } c ? ShopifyIds.Tail(c) : null;
        var name = string.Join(" ", new[] { customer is null ? null : Text(customer, "firstName"), customer is null ? null : Text(customer, "lastName") }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        var email = (customer is null ? null : Text(customer, "email")) ?? Text(o, "email");
        var phone = (customer is null ? null : Text(customer, "phone")) ?? Text(o, "phone");
        var total = o["totalPriceSet"]?["shopMoney"];
        return new MarketplaceOrder(id, Text(o, "name"), status, FulfilledByMarketplace: false,
            PaymentMethod: (Text(o, "displayFinancialStatus") ?? "unknown").ToLowerInvariant(), RequiresDeliveryCode: false,
            new OrderTotals(Money(o["totalPriceSet"]) ?? read.Sum(l => l.Quantity * l.UnitPrice), total?["currencyCode"]?.ToString()),
            // A guest checkout has no customer: the order itself stands for its buyer.
            new MarketplaceCustomer(customerPrefix + (customerId ?? "order-" + id), name.Length > 0 ? name : email ?? $"Shopify buyer of order {id}",
                phone, null, email, Address(o["shippingAddress"] as JsonObject)),
            read, $"Shopify Order {Text(o, "name") ?? id}", o.ToJsonString(), updated);
    }

    private static string? Address(JsonObject? a) =>
        a is null ? null
            : string.Join(", ", new[] { Text(a, "address1"), Text(a, "city"), Text(a, "country") }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } s ? s : null;

    private static decimal? Money(JsonNode? set)
    {
        var amount = set?["shopMoney"]?["amount"];
        if (amount is null) return null;
        return decimal.TryParse(amount.ToString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? d : throw new UnreadableOrderException($"amount '{amount}' is not a number");
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}

internal sealed class UnreadableOrderException(string message) : Exception(message);
