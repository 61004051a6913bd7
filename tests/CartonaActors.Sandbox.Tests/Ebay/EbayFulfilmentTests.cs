using System.Net;
using CartonaActors.Sandbox.Ebay;

namespace CartonaActors.Sandbox.Tests.Ebay;

public sealed class EbayFulfilmentTests
{
    private static object Ship(string lineItemId, int quantity, string tracking = "9400100000000000000001") => new
    {
        lineItems = new[] { new { lineItemId, quantity } },
        shippedDate = "2026-12-01T23:40:00.000Z",
        shippingCarrierCode = "USPS",
        trackingNumber = tracking,
    };

    private static async Task<List<string>> LineIdsAsync(EbayScope scope, string orderId) =>
        (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order/" + orderId)).Body.GetProperty("lineItems").EnumerateArray()
        .Select(l => l.GetProperty("lineItemId").GetString()!).ToList();

    [Fact]
    public async Task Partial_then_full_shipment_and_a_repeated_post_is_a_second_fulfillment()
    {
        await using var scope = await EbayScope.StartAsync();
        var id = scope.PlaceOrder(new EbayOrderLine("RICE-1", 2, 19.99m), new EbayOrderLine("OIL-1", 1, 5.50m));
        var lines = await LineIdsAsync(scope, id);

        var (created, _, headers) = await scope.SendAsync(HttpMethod.Post, $"sell/fulfillment/v1/order/{id}/shipping_fulfillment", Ship(lines[0], 2));
        Assert.Equal(HttpStatusCode.Created, created);
        var location = headers.Location!.ToString();
        Assert.StartsWith($"{scope.Emulator.BaseUrl}sell/fulfillment/v1/order/{id}/shipping_fulfillment/", location);
        Assert.Equal("IN_PROGRESS", scope.Emulator.Orders.Get(id)!.FulfillmentStatus);
        var one = (await scope.SendAsync(HttpMethod.Get, location[scope.Emulator.BaseUrl.Length..])).Body;
        Assert.Equal("9400100000000000000001", one.GetProperty("shipmentTrackingNumber").GetString());

        var (again, _, _) = await scope.SendAsync(HttpMethod.Post, $"sell/fulfillment/v1/order/{id}/shipping_fulfillment", Ship(lines[0], 2));
        Assert.Equal(HttpStatusCode.Created, again);
        Assert.Equal(2, scope.Emulator.Orders.Get(id)!.Fulfillments);

        await scope.SendAsync(HttpMethod.Post, $"sell/fulfillment/v1/order/{id}/shipping_fulfillment", Ship(lines[1], 1, "TRK-2"));
        var (_, list, _) = await scope.SendAsync(HttpMethod.Get, $"sell/fulfillment/v1/order/{id}/shipping_fulfillment");
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        var order = (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order/" + id)).Body;
        Assert.Equal("FULFILLED", order.GetProperty("orderFulfillmentStatus").GetString());
        Assert.All(order.GetProperty("lineItems").EnumerateArray(), l => Assert.Equal("FULFILLED", l.GetProperty("lineItemFulfillmentStatus").GetString()));
    }

    [Fact]
    public async Task Bad_fulfillment_input_is_refused()
    {
        await using var scope = await EbayScope.StartAsync();
        var id = scope.PlaceOrder();
        var line = (await LineIdsAsync(scope, id))[0];
        var path = $"sell/fulfillment/v1/order/{id}/shipping_fulfillment";
        Assert.Equal(32200, (await scope.SendAsync(HttpMethod.Post, path, Ship("nope", 1))).Body.FirstErrorId());
        Assert.Equal(32600, (await scope.SendAsync(HttpMethod.Post, path, Ship(line, 3))).Body.FirstErrorId());
        Assert.Equal(32300, (await scope.SendAsync(HttpMethod.Post, path, Ship(line, 1, tracking: ""))).Body.FirstErrorId());
        Assert.Equal(HttpStatusCode.NotFound, (await scope.SendAsync(HttpMethod.Post, "sell/fulfillment/v1/order/00-00000-00000/shipping_fulfillment", Ship(line, 1))).Status);
        Assert.Equal(0, scope.Emulator.Orders.Get(id)!.Fulfillments);
    }
}
