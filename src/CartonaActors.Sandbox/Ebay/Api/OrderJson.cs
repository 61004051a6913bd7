using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Ebay.State;

namespace CartonaActors.Sandbox.Ebay.Api;

/// <summary>An order in the Fulfillment API's shape. getOrders returns cancelRequests empty (as eBay documents);
/// getOrder fills it.</summary>
internal static class OrderJson
{
    public static JsonObject Write(Order order, EbayEmulatorOptions options, string baseUrl, bool withCancelRequests)
    {
        var c = options.Currency;
        var registration = new JsonObject { ["fullName"] = order.Buyer.FullName, ["email"] = order.Buyer.Email };
        if (order.Buyer.Phone is not null) registration["primaryPhone"] = new JsonObject { ["phoneNumber"] = order.Buyer.Phone };
        var cancel = new JsonObject { ["cancelState"] = order.CancelState };
        if (order.CancelledDate is { } cancelled) cancel["cancelledDate"] = Wire.Date(cancelled);
        cancel["cancelRequests"] = withCancelRequests
            ? new JsonArray(order.CancelRequests.Select(r => (JsonNode)new JsonObject
            {
                ["cancelRequestId"] = r.CancelId,
                ["cancelInitiator"] = r.Initiator,
                ["cancelReason"] = r.Reason,
                ["cancelRequestState"] = order.Cancelled ? "COMPLETED" : "REQUESTED",
                ["cancelRequestedDate"] = Wire.Date(r.RequestedDate),
                ["cancelCompletedDate"] = order.CancelledDate is { } d ? Wire.Date(d) : null,
            }).ToArray())
            : new JsonArray();
        var instructions = new JsonArray();
        if (order.ShipTo is { } to)
            instructions.Add(new JsonObject
            {
                ["fulfillmentInstructionsType"] = "SHIP_TO",
                ["shippingStep"] = new JsonObject
                {
                    ["shipTo"] = new JsonObject
                    {
                        ["fullName"] = to.FullName,
                        ["contactAddress"] = new JsonObject { ["addressLine1"] = to.Line1, ["city"] = to.City, ["countryCode"] = to.CountryCode },
                    },
                },
            });
        return new JsonObject
        {
            ["orderId"] = order.OrderId,
            ["legacyOrderId"] = order.LegacyOrderId,
            ["creationDate"] = Wire.Date(order.CreationDate),
            ["lastModifiedDate"] = Wire.Date(order.LastModifiedDate),
            ["orderFulfillmentStatus"] = order.FulfillmentStatus,
            ["orderPaymentStatus"] = order.PaymentStatus,
            ["sellerId"] = "emu-seller",
            ["buyer"] = new JsonObject { ["username"] = order.Buyer.Username, ["buyerRegistrationAddress"] = registration },
            ["pricingSummary"] = new JsonObject { ["priceSubtotal"] = Wire.Amount(order.Total, c), ["total"] = Wire.Amount(order.Total, c) },
            ["cancelStatus"] = cancel,
            ["fulfillmentStartInstructions"] = instructions,
            ["fulfillmentHrefs"] = new JsonArray(order.Fulfillments
                .Select(f => (JsonNode)JsonValue.Create(FulfillmentUrl(baseUrl, order.OrderId, f.FulfillmentId))!).ToArray()),
            ["lineItems"] = new JsonArray(order.Lines.Select(l => (JsonNode)new JsonObject
            {
                ["lineItemId"] = l.LineItemId,
                ["legacyItemId"] = l.LegacyItemId,
                ["sku"] = l.Sku,
                ["title"] = l.Sku,
                ["quantity"] = l.Quantity,
                ["lineItemCost"] = Wire.Amount(l.Quantity * l.UnitPrice, c),
                ["total"] = Wire.Amount(l.Quantity * l.UnitPrice, c),
                ["lineItemFulfillmentStatus"] = order.LineStatus(l),
                ["listingMarketplaceId"] = options.MarketplaceId,
                ["purchaseMarketplaceId"] = options.MarketplaceId,
            }).ToArray()),
        };
    }

    public static string FulfillmentUrl(string baseUrl, string orderId, string fulfillmentId) =>
        $"{baseUrl}sell/fulfillment/v1/order/{orderId}/shipping_fulfillment/{fulfillmentId}";

    public static JsonObject Fulfillment(Fulfillment f) => new()
    {
        ["fulfillmentId"] = f.FulfillmentId,
        ["lineItems"] = new JsonArray(f.Lines.Select(l => (JsonNode)new JsonObject { ["lineItemId"] = l.LineItemId, ["quantity"] = l.Quantity }).ToArray()),
        ["shipmentTrackingNumber"] = f.TrackingNumber,
        ["shippedDate"] = Wire.Date(f.ShippedDate),
        ["shippingCarrierCode"] = f.ShippingCarrierCode,
    };
}
