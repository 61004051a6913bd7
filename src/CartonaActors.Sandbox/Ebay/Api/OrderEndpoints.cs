using System.Text.Json;
using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Ebay.State;

namespace CartonaActors.Sandbox.Ebay.Api;

/// <summary>
/// One order's resources: <c>GET order/{orderId}</c> (cancel requests filled in), and its shipping fulfilments —
/// <c>POST order/{orderId}/shipping_fulfillment</c>, which is NOT idempotent (each POST is a new package, as on eBay,
/// so a client must look before it retries), and the GETs of the list and of one fulfilment.
/// </summary>
internal sealed class OrderEndpoints(EbayEmulatorOptions options, EbayStore store, string baseUrl)
{
    public ApiAnswer GetOrder(string orderId)
    {
        lock (store.Gate)
        {
            var order = store.Find(orderId);
            return order is null
                ? EbayErrors.Fulfillment(404, 32100, "Invalid order Id")
                : new ApiAnswer(200, OrderJson.Write(order, options, baseUrl, withCancelRequests: true).ToJsonString());
        }
    }

    public ApiAnswer ListFulfillments(string orderId)
    {
        lock (store.Gate)
        {
            if (store.Find(orderId) is not { } order) return EbayErrors.Fulfillment(404, 32100, "Invalid order Id");
            return new ApiAnswer(200, new JsonObject
            {
                ["fulfillments"] = new JsonArray(order.Fulfillments.Select(f => (JsonNode)OrderJson.Fulfillment(f)).ToArray()),
                ["total"] = order.Fulfillments.Count,
            }.ToJsonString());
        }
    }

    public ApiAnswer GetFulfillment(string orderId, string fulfillmentId)
    {
        lock (store.Gate)
        {
            if (store.Find(orderId) is not { } order) return EbayErrors.Fulfillment(404, 32100, "Invalid order Id");
            var f = order.Fulfillments.Find(x => x.FulfillmentId == fulfillmentId);
            return f is null ? EbayErrors.Fulfillment(404, 32600, "Invalid input data: fulfillment not found") : new ApiAnswer(200, OrderJson.Fulfillment(f).ToJsonString());
        }
    }

    public ApiAnswer CreateFulfillment(string orderId, string body)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(body);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Bad(32600, "Invalid input data");
        }
        if (root.ValueKind != JsonValueKind.Object) return Bad(32600, "Invalid input data");
        lock (store.Gate)
        {
            if (store.Find(orderId) is not { } order) return EbayErrors.Fulfillment(404, 32100, "Invalid order Id");
            if (order.Cancelled) return Bad(32600, "Invalid input data: the order is cancelled");
            if (!root.TryGetProperty("lineItems", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
                return Bad(32600, "Invalid input data: lineItems is required");
            var lines = new List<(string, int)>();
            foreach (var item in items.EnumerateArray())
            {
                var id = item.TryGetProperty("lineItemId", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                var line = order.Lines.FirstOrDefault(l => l.LineItemId == id);
                if (line is null) return Bad(32200, "Invalid line item id");
                var quantity = line.Quantity;
                if (item.TryGetProperty("quantity", out var q) && (!q.TryGetInt32(out quantity) || quantity < 1 || quantity > line.Quantity))
                    return Bad(32600, "Invalid input data: quantity");
                lines.Add((line.LineItemId, quantity));
            }
            var carrier = Str(root, "shippingCarrierCode");
            var tracking = Str(root, "trackingNumber");
            if (string.IsNullOrWhiteSpace(carrier) || string.IsNullOrWhiteSpace(tracking)) return Bad(32300, "Invalid shipment tracking number or carrier");
            var shipped = store.Now;
            if (Str(root, "shippedDate") is { } text && !Wire.TryParseDate(text, out shipped)) return Bad(32500, "Invalid shipped date");

            var fulfillment = new Fulfillment(store.NextFulfillmentId(), lines, shipped, carrier, tracking);
            order.Fulfillments.Add(fulfillment);
            order.LastModifiedDate = store.Now;
            return new ApiAnswer(201, "{}") { Location = OrderJson.FulfillmentUrl(baseUrl, order.OrderId, fulfillment.FulfillmentId) };
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static ApiAnswer Bad(int errorId, string message) => EbayErrors.Fulfillment(400, errorId, message);
}
