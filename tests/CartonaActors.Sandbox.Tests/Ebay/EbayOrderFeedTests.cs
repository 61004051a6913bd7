using System.Net;
using CartonaActors.Sandbox.Ebay;

namespace CartonaActors.Sandbox.Tests.Ebay;

public sealed class EbayOrderFeedTests
{
    private static string Since(DateTimeOffset at) => Uri.EscapeDataString($"lastmodifieddate:[{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}..]");

    [Fact]
    public async Task Unencoded_filter_brackets_are_400_and_encoded_ones_work()
    {
        await using var scope = await EbayScope.StartAsync();
        scope.PlaceOrder();
        var (raw, error, _) = await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order?filter=lastmodifieddate:[2026-12-01T00:00:00.000Z..]", rawUri: true);
        Assert.Equal(HttpStatusCode.BadRequest, raw);
        Assert.Equal(30800, error.FirstErrorId());
        Assert.Contains("[", scope.Emulator.Calls[^1].Query);

        var (ok, page, _) = await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order?filter=lastmodifieddate:%5B2026-12-01T00:00:00.000Z..%5D");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var order = page.GetProperty("orders")[0];
        Assert.Equal("NOT_STARTED", order.GetProperty("orderFulfillmentStatus").GetString());
        Assert.Equal("PAID", order.GetProperty("orderPaymentStatus").GetString());
        Assert.Equal("mona@example.com", order.GetProperty("buyer").GetProperty("buyerRegistrationAddress").GetProperty("email").GetString());
        Assert.Equal("+201000000000", order.GetProperty("buyer").GetProperty("buyerRegistrationAddress").GetProperty("primaryPhone").GetProperty("phoneNumber").GetString());
        Assert.Equal("39.98", order.GetProperty("pricingSummary").GetProperty("total").GetProperty("value").GetString());
        Assert.Equal("RICE-1", order.GetProperty("lineItems")[0].GetProperty("sku").GetString());
        Assert.Equal("EG", order.GetProperty("fulfillmentStartInstructions")[0].GetProperty("shippingStep").GetProperty("shipTo")
            .GetProperty("contactAddress").GetProperty("countryCode").GetString());
        Assert.Equal("NONE_REQUESTED", order.GetProperty("cancelStatus").GetProperty("cancelState").GetString());
        Assert.Equal("2026-12-01T23:30:00.000Z", order.GetProperty("creationDate").GetString());
        Assert.Equal(8, scope.Emulator.Catalog.Item("RICE-1")!.Quantity); // the sale took 2 off the listing
    }

    [Fact]
    public async Task Limit_is_at_most_200()
    {
        await using var scope = await EbayScope.StartAsync();
        var (ok, page, _) = await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order?limit=200");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(200, page.GetProperty("limit").GetInt32());
        var (bad, error, _) = await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order?limit=201");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal(31100, error.FirstErrorId());
        Assert.Equal(50, (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order")).Body.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Offset_pages_follow_creation_order_with_next_links()
    {
        await using var scope = await EbayScope.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(scope.PlaceOrder());
            scope.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var seen = new List<string>();
        var path = "sell/fulfillment/v1/order?filter=" + Since(EbayScope.Start) + "&limit=2";
        var pages = 0;
        while (path is not null)
        {
            var (status, page, _) = await scope.SendAsync(HttpMethod.Get, path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(5, page.GetProperty("total").GetInt32());
            seen.AddRange(page.OrderIds());
            pages++;
            path = page.TryGetProperty("next", out var next) ? next.GetString()![scope.Emulator.BaseUrl.Length..] : null;
        }
        Assert.Equal(3, pages);
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task Older_order_modified_between_pages_shifts_offset_paging()
    {
        await using var scope = await EbayScope.StartAsync();
        var old = scope.PlaceOrder();
        scope.Clock.Advance(TimeSpan.FromMinutes(10));
        var since = scope.Clock.GetUtcNow();
        var fresh = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            fresh.Add(scope.PlaceOrder());
            scope.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        scope.Emulator.Faults.ShiftPagesNext();
        var first = (await scope.SendAsync(HttpMethod.Get, $"sell/fulfillment/v1/order?filter={Since(since)}&limit=2&offset=0")).Body;
        var second = (await scope.SendAsync(HttpMethod.Get, $"sell/fulfillment/v1/order?filter={Since(since)}&limit=2&offset=2")).Body;

        Assert.Equal(fresh[..2], first.OrderIds());
        Assert.Equal(5, second.GetProperty("total").GetInt32());
        Assert.Equal([fresh[1], fresh[2]], second.OrderIds()); // fresh[1] again: the old order slid in ahead of it
        Assert.Equal(scope.Clock.GetUtcNow(), scope.Emulator.Orders.Get(old)!.LastModified);
    }

    [Fact]
    public async Task Get_order_shows_cancel_requests_that_get_orders_leaves_empty()
    {
        await using var scope = await EbayScope.StartAsync();
        var id = scope.PlaceOrder();
        scope.Clock.Advance(TimeSpan.FromMinutes(5));
        scope.Emulator.Orders.CancelByBuyer(id);
        var (status, order, _) = await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order/" + id);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CANCELED", order.GetProperty("cancelStatus").GetProperty("cancelState").GetString());
        Assert.Equal("BUYER", order.GetProperty("cancelStatus").GetProperty("cancelRequests")[0].GetProperty("cancelInitiator").GetString());
        Assert.Equal("2026-12-01T23:35:00.000Z", order.GetProperty("lastModifiedDate").GetString());
        var listed = (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order")).Body.GetProperty("orders")[0];
        Assert.Equal("CANCELED", listed.GetProperty("cancelStatus").GetProperty("cancelState").GetString());
        Assert.Equal(0, listed.GetProperty("cancelStatus").GetProperty("cancelRequests").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order/99-99999-99999")).Status);
        Assert.Equal(new EbayOrderView(id, scope.Emulator.Orders.Get(id)!.LegacyOrderId, "NOT_STARTED", "CANCELED", 0, 1,
            EbayScope.Start.AddMinutes(5)), scope.Emulator.Orders.Get(id));
    }

    [Fact]
    public async Task Status_filter_and_order_ids_select_orders()
    {
        await using var scope = await EbayScope.StartAsync();
        var open = scope.PlaceOrder();
        var shipped = scope.PlaceOrder();
        var line = (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order/" + shipped)).Body.GetProperty("lineItems")[0].GetProperty("lineItemId").GetString();
        await scope.SendAsync(HttpMethod.Post, $"sell/fulfillment/v1/order/{shipped}/shipping_fulfillment",
            new { lineItems = new[] { new { lineItemId = line, quantity = 2 } }, shippingCarrierCode = "USPS", trackingNumber = "T1" });

        var unfulfilled = Uri.EscapeDataString("orderfulfillmentstatus:{NOT_STARTED|IN_PROGRESS}");
        Assert.Equal([open], (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order?filter=" + unfulfilled)).Body.OrderIds());
        var done = Uri.EscapeDataString("orderfulfillmentstatus:{FULFILLED|IN_PROGRESS}");
        Assert.Equal([shipped], (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order?filter=" + done)).Body.OrderIds());
        var (bad, error, _) = await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order?filter=" + Uri.EscapeDataString("colour:{RED}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal(30700, error.FirstErrorId());

        var legacy = scope.Emulator.Orders.Get(shipped)!.LegacyOrderId;
        var byIds = (await scope.SendAsync(HttpMethod.Get, $"sell/fulfillment/v1/order?orderIds={open},{legacy}")).Body;
        Assert.Equal([open, shipped], byIds.OrderIds());
        Assert.False(byIds.TryGetProperty("next", out _));
    }
}
