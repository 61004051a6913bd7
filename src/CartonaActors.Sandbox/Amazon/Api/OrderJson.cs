using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Amazon.State;

namespace CartonaActors.Sandbox.Amazon.Api;

/// <summary>An order in the Orders 2026-01-01 shape. The core (ids, times, salesChannel, items with product) is always
/// written; BUYER, RECIPIENT, PROCEEDS, FULFILLMENT, CANCELLATION and PACKAGES only when asked for in includedData, as the model's
/// datasets are opt-in.</summary>
internal static class OrderJson
{
    public static readonly string[] Datasets =
        ["BUYER", "RECIPIENT", "PROCEEDS", "EXPENSE", "PROMOTION", "CANCELLATION", "FULFILLMENT", "PACKAGES", "TAX", "PAYMENT", "FULFILLMENT_ORDERS"];

    public static JsonObject Write(OrderState o, ISet<string> included, AmazonEmulatorOptions options)
    {
        JsonObject Money(decimal amount) => new() { ["amount"] = Wire.Amount(amount), ["currencyCode"] = options.Currency };
        var json = new JsonObject
        {
            ["orderId"] = o.Id,
            ["createdTime"] = Wire.Time(o.CreatedAt),
            ["lastUpdatedTime"] = Wire.Time(o.LastUpdated),
            ["salesChannel"] = new JsonObject { ["channelName"] = "AMAZON", ["marketplaceId"] = options.MarketplaceId, ["marketplaceName"] = "Amazon.com" },
        };
        if (included.Contains("BUYER")) json["buyer"] = new JsonObject { ["buyerName"] = o.Buyer.Name, ["buyerEmail"] = o.Buyer.Email };
        if (included.Contains("RECIPIENT") && o.ShipTo is { } a)
        {
            var address = new JsonObject { ["name"] = a.Name, ["addressLine1"] = a.Line1, ["city"] = a.City, ["countryCode"] = a.CountryCode };
            if (a.Phone is not null) address["phone"] = a.Phone;
            json["recipient"] = new JsonObject { ["deliveryAddress"] = address };
        }
        if (included.Contains("PROCEEDS")) json["proceeds"] = new JsonObject { ["grandTotal"] = Money(o.Total) };
        if (included.Contains("FULFILLMENT")) json["fulfillment"] = new JsonObject { ["fulfillmentStatus"] = o.Status, ["fulfilledBy"] = "MERCHANT" };
        var items = new JsonArray();
        foreach (var i in o.Items)
        {
            var item = new JsonObject
            {
                ["orderItemId"] = i.Id,
                ["quantityOrdered"] = i.Quantity,
                ["product"] = new JsonObject
                {
                    ["asin"] = Asin.For(i.Sku), ["sellerSku"] = i.Sku, ["price"] = new JsonObject { ["unitPrice"] = Money(i.UnitPrice) },
                },
            };
            if (included.Contains("PROCEEDS")) item["proceeds"] = new JsonObject { ["proceedsTotal"] = Money(i.UnitPrice * i.Quantity) };
            if (included.Contains("FULFILLMENT"))
            {
                var unfulfilled = o.Status == "CANCELLED" ? 0 : i.Quantity - i.Shipped;
                item["fulfillment"] = new JsonObject { ["quantityFulfilled"] = i.Shipped, ["quantityUnfulfilled"] = unfulfilled };
            }
            if (included.Contains("CANCELLATION") && (i.BuyerCancelReason is not null || o.CancelledBy is not null))
            {
                var cancellation = new JsonObject();
                if (i.BuyerCancelReason is { } reason)
                    cancellation["cancellationRequest"] = new JsonObject { ["requester"] = "BUYER", ["cancelReason"] = reason };
                if (o.CancelledBy is { } by)
                    cancellation["cancellationExecution"] = new JsonObject { ["cancelledBy"] = by, ["cancelReason"] = o.CancelReason };
                item["cancellation"] = cancellation;
            }
            items.Add(item);
        }
        json["orderItems"] = items;
        if (included.Contains("PACKAGES"))
        {
            var packages = new JsonArray();
            foreach (var p in o.Packages)
                packages.Add(new JsonObject
                {
                    ["packageReferenceId"] = p.ReferenceId, ["createdTime"] = Wire.Time(p.CreatedTime),
                    ["packageStatus"] = new JsonObject { ["status"] = "SHIPPED" }, ["carrier"] = p.Carrier, ["shipTime"] = Wire.Time(p.ShipTime),
                    ["trackingNumber"] = p.TrackingNumber,
                    ["packageItems"] = new JsonArray(p.Items.Select(i => (JsonNode)new JsonObject { ["orderItemId"] = i.OrderItemId, ["quantity"] = i.Quantity }).ToArray()),
                });
            json["packages"] = packages;
        }
        return json;
    }
}
