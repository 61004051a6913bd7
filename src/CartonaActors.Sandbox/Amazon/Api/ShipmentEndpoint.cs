using System.Text.Json;
using CartonaActors.Sandbox.Amazon.State;

namespace CartonaActors.Sandbox.Amazon.Api;

/// <summary>Orders v0 confirmShipment: one package of some units of some items. The whole request is checked before
/// anything changes; every unit shipped makes the order SHIPPED, some PARTIALLY_SHIPPED.</summary>
internal sealed class ShipmentEndpoint(AmazonEmulatorOptions options, SellerState state)
{
    public SpAnswer Confirm(string orderId, string body)
    {
        if (Wire.TryParse(body) is not { ValueKind: JsonValueKind.Object } request) return SpAnswer.Invalid("The request body must be a JSON object.");
        if (Str(request, "marketplaceId") != options.MarketplaceId) return SpAnswer.Invalid($"'marketplaceId' must be '{options.MarketplaceId}'.");
        if (!request.TryGetProperty("packageDetail", out var package) || package.ValueKind != JsonValueKind.Object)
            return SpAnswer.Invalid("'packageDetail' is required.");
        foreach (var field in new[] { "packageReferenceId", "carrierCode", "trackingNumber", "shipDate" })
            if (string.IsNullOrEmpty(Str(package, field))) return SpAnswer.Invalid($"'packageDetail.{field}' is required.");
        if (!Wire.TryTime(Str(package, "shipDate"), out var shipDate)) return SpAnswer.Invalid("'packageDetail.shipDate' must be an ISO 8601 date-time.");
        if (!package.TryGetProperty("orderItems", out var lines) || lines.ValueKind != JsonValueKind.Array || lines.GetArrayLength() == 0)
            return SpAnswer.Invalid("'packageDetail.orderItems' must be a non-empty array.");

        lock (state.Gate)
        {
            if (!state.Orders.TryGetValue(orderId, out var order)) return SpAnswer.NotFound($"The order '{orderId}' was not found.");
            if (order.Status == "CANCELLED") return SpAnswer.Invalid($"The order '{orderId}' is cancelled and cannot be shipped.");
            if (order.Status == "SHIPPED") return SpAnswer.Invalid($"The order '{orderId}' is already shipped.");
            var shipping = new Dictionary<OrderItemState, int>();
            foreach (var line in lines.EnumerateArray())
            {
                var itemId = Str(line, "orderItemId");
                var item = order.Items.FirstOrDefault(i => i.Id == itemId);
                if (item is null) return SpAnswer.Invalid($"The orderItemId '{itemId}' is not in order '{orderId}'.");
                if (!line.TryGetProperty("quantity", out var q) || q.ValueKind != JsonValueKind.Number || !q.TryGetInt32(out var n) || n < 1)
                    return SpAnswer.Invalid($"The quantity for '{itemId}' must be an integer >= 1.");
                shipping[item] = shipping.GetValueOrDefault(item) + n;
                if (item.Shipped + shipping[item] > item.Quantity)
                    return SpAnswer.Invalid($"The quantity for '{itemId}' exceeds the {item.Quantity - item.Shipped} unit(s) left to ship.");
            }
            foreach (var (item, n) in shipping) item.Shipped += n;
            order.Shipments++;
            order.Packages.Add(new PackageState(Str(package, "packageReferenceId")!, Str(package, "carrierCode")!, Str(package, "trackingNumber")!,
                shipDate, state.Now(), shipping.Select(p => (p.Key.Id, p.Value)).ToList()));
            order.Status = order.Items.All(i => i.Shipped == i.Quantity) ? "SHIPPED" : "PARTIALLY_SHIPPED";
            order.Touch(state.Now());
        }
        return SpAnswer.Empty(204);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
