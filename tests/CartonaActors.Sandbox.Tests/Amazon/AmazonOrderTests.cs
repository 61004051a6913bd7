using System.Net;
using System.Text.Json;
using CartonaActors.Sandbox.Amazon;
using CartonaActors.Sandbox.Tests.Rest;

namespace CartonaActors.Sandbox.Tests.Amazon;

public sealed class AmazonOrderTests
{
    private const string Search = "orders/2026-01-01/orders";
    private const string All = "includedData=BUYER,RECIPIENT,PROCEEDS,FULFILLMENT,CANCELLATION";

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));

    [Fact]
    public async Task Search_pages_with_next_token_in_last_updated_order_and_echoes_the_applied_before()
    {
        var clock = new ManualClock();
        await using var scope = await AmazonScope.StartAsync(o => o.Clock = clock);
        var start = clock.GetUtcNow();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(scope.PlaceOrder(new AmazonOrderLine("SKU-1", i + 1, 10m)));
            clock.Advance(TimeSpan.FromSeconds(10));
        }
        clock.Advance(TimeSpan.FromMinutes(3));

        var seen = new List<string>();
        var first = await scope.OkAsync(HttpMethod.Get, $"{Search}?lastUpdatedAfter={Iso(start)}&maxResultsPerPage=2&{All}");
        Assert.Equal((clock.GetUtcNow() - TimeSpan.FromMinutes(2)).UtcDateTime, DateTimeOffset.Parse(first.Str("lastUpdatedBefore")).UtcDateTime);
        var page = first;
        while (true)
        {
            seen.AddRange(page.GetProperty("orders").EnumerateArray().Select(o => o.Str("orderId")));
            if (!page.TryGetProperty("pagination", out var pagination)) break;
            page = await scope.OkAsync(HttpMethod.Get, $"{Search}?paginationToken={Uri.EscapeDataString(pagination.Str("nextToken"))}&maxResultsPerPage=2&{All}");
        }
        Assert.Equal(ids, seen);

        var order = first.GetProperty("orders")[1];
        Assert.Equal(ids[1], order.Str("orderId"));
        Assert.Equal("ATVPDKIKX0DER", order.GetProperty("salesChannel").Str("marketplaceId"));
        Assert.Equal("Mona Adel", order.GetProperty("buyer").Str("buyerName"));
        Assert.Equal("Seattle", order.GetProperty("recipient").GetProperty("deliveryAddress").Str("city"));
        Assert.Equal("20.00", order.GetProperty("proceeds").GetProperty("grandTotal").Str("amount"));
        Assert.Equal("UNSHIPPED", order.GetProperty("fulfillment").Str("fulfillmentStatus"));
        Assert.Equal("MERCHANT", order.GetProperty("fulfillment").Str("fulfilledBy"));
        var item = order.GetProperty("orderItems")[0];
        Assert.Equal(2, item.GetProperty("quantityOrdered").GetInt32());
        Assert.Equal("SKU-1", item.GetProperty("product").Str("sellerSku"));
        Assert.Equal("10.00", item.GetProperty("product").GetProperty("price").GetProperty("unitPrice").Str("amount"));
    }

    [Fact]
    public async Task Orders_updated_in_the_last_two_minutes_are_not_returned_and_a_recent_before_is_400()
    {
        var clock = new ManualClock();
        await using var scope = await AmazonScope.StartAsync(o => o.Clock = clock);
        var start = clock.GetUtcNow();
        var id = scope.PlaceOrder();
        clock.Advance(TimeSpan.FromSeconds(90));
        var early = await scope.OkAsync(HttpMethod.Get, $"{Search}?lastUpdatedAfter={Iso(start)}");
        Assert.Equal(0, early.GetProperty("orders").GetArrayLength());

        var (status, body) = await scope.SendAsync(HttpMethod.Get, $"{Search}?lastUpdatedAfter={Iso(start)}&lastUpdatedBefore={Iso(clock.GetUtcNow().AddSeconds(-60))}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidInput", body.ErrorCode());

        clock.Advance(TimeSpan.FromSeconds(31));
        var later = await scope.OkAsync(HttpMethod.Get, $"{Search}?lastUpdatedAfter={Iso(start)}");
        Assert.Equal(id, later.GetProperty("orders")[0].Str("orderId"));
    }

    [Fact]
    public async Task Exactly_one_of_created_after_and_last_updated_after_and_other_bad_parameters_are_400()
    {
        var clock = new ManualClock();
        await using var scope = await AmazonScope.StartAsync(o => o.Clock = clock);
        var t = Iso(clock.GetUtcNow().AddHours(-1));
        foreach (var query in new[]
                 {
                     "", $"createdAfter={t}&lastUpdatedAfter={t}", $"createdAfter={t}&lastUpdatedBefore={t}",
                     $"lastUpdatedAfter={t}&maxResultsPerPage=101", $"lastUpdatedAfter={t}&maxResultsPerPage=0", "paginationToken=garbage",
                     $"lastUpdatedAfter={t}&includedData=EVERYTHING",
                 })
        {
            var (status, _) = await scope.SendAsync(HttpMethod.Get, $"{Search}?{query}");
            Assert.True(status == HttpStatusCode.BadRequest, $"'{query}' gave {status}");
        }
        var created = await scope.OkAsync(HttpMethod.Get, $"{Search}?createdAfter={t}");
        Assert.True(created.TryGetProperty("createdBefore", out _));
    }

    [Fact]
    public async Task Created_after_sorts_by_creation_filters_by_status_and_a_token_keeps_its_window()
    {
        var clock = new ManualClock();
        await using var scope = await AmazonScope.StartAsync(o => o.Clock = clock);
        var start = clock.GetUtcNow();
        var first = scope.PlaceOrder();
        clock.Advance(TimeSpan.FromSeconds(5));
        var second = scope.PlaceOrder();
        clock.Advance(TimeSpan.FromSeconds(5));
        var third = scope.PlaceOrder();
        clock.Advance(TimeSpan.FromSeconds(5));
        scope.Emulator.Orders.CancelByAmazon(first); // updated last, but created first
        clock.Advance(TimeSpan.FromMinutes(3));

        var byCreation = await scope.OkAsync(HttpMethod.Get, $"{Search}?createdAfter={Iso(start)}");
        Assert.Equal([first, second, third], byCreation.GetProperty("orders").EnumerateArray().Select(o => o.Str("orderId")));
        var byUpdate = await scope.OkAsync(HttpMethod.Get, $"{Search}?lastUpdatedAfter={Iso(start)}");
        Assert.Equal([second, third, first], byUpdate.GetProperty("orders").EnumerateArray().Select(o => o.Str("orderId")));
        var open = await scope.OkAsync(HttpMethod.Get, $"{Search}?lastUpdatedAfter={Iso(start)}&fulfillmentStatuses=UNSHIPPED");
        Assert.Equal([second, third], open.GetProperty("orders").EnumerateArray().Select(o => o.Str("orderId")));

        var page = await scope.OkAsync(HttpMethod.Get, $"{Search}?lastUpdatedAfter={Iso(start)}&maxResultsPerPage=1");
        var token = Uri.EscapeDataString(page.GetProperty("pagination").Str("nextToken"));
        Assert.Equal(HttpStatusCode.BadRequest,
            (await scope.SendAsync(HttpMethod.Get, $"{Search}?createdAfter={Iso(start)}&paginationToken={token}")).Status);
        var next = await scope.OkAsync(HttpMethod.Get, $"{Search}?lastUpdatedAfter={Iso(start)}&paginationToken={token}&maxResultsPerPage=1");
        Assert.Equal(third, next.GetProperty("orders")[0].Str("orderId"));
    }

    [Fact]
    public async Task Next_token_expires_after_24_hours()
    {
        var clock = new ManualClock();
        await using var scope = await AmazonScope.StartAsync(o => o.Clock = clock);
        var start = clock.GetUtcNow();
        scope.PlaceOrder();
        scope.PlaceOrder();
        clock.Advance(TimeSpan.FromMinutes(5));
        var first = await scope.OkAsync(HttpMethod.Get, $"{Search}?lastUpdatedAfter={Iso(start)}&maxResultsPerPage=1");
        var token = Uri.EscapeDataString(first.GetProperty("pagination").Str("nextToken"));
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await scope.AccessTokenAsync(fresh: true); // the access token died long ago
        Assert.Equal(HttpStatusCode.BadRequest, (await scope.SendAsync(HttpMethod.Get, $"{Search}?paginationToken={token}")).Status);
    }

    [Fact]
    public async Task Confirm_shipment_partial_then_full_and_bad_items_are_400()
    {
        var clock = new ManualClock();
        await using var scope = await AmazonScope.StartAsync(o => o.Clock = clock);
        var id = scope.PlaceOrder(new AmazonOrderLine("SKU-1", 3, 10m), new AmazonOrderLine("SKU-2", 1, 20m));
        var items = scope.Emulator.Orders.Get(id)!.Items;
        var created = scope.Emulator.Orders.Get(id)!.LastUpdated;
        object Ship(params (string Item, int Quantity)[] lines) => new
        {
            marketplaceId = scope.Marketplace,
            packageDetail = new
            {
                packageReferenceId = "1", carrierCode = "UPS", trackingNumber = "1Z999", shipDate = "2026-12-02T10:00:00Z",
                orderItems = lines.Select(l => new { orderItemId = l.Item, quantity = l.Quantity }),
            },
        };
        var path = $"orders/v0/orders/{id}/shipmentConfirmation";

        Assert.Equal(HttpStatusCode.BadRequest, (await scope.SendAsync(HttpMethod.Post, path, Ship(("99999999999999", 1)))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await scope.SendAsync(HttpMethod.Post, path, Ship((items[0].OrderItemId, 4)))).Status);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await scope.SendAsync(HttpMethod.Post, path, Ship((items[0].OrderItemId, 2)))).Status);
        var partial = scope.Emulator.Orders.Get(id)!;
        Assert.Equal("PARTIALLY_SHIPPED", partial.Status);
        Assert.Equal(2, partial.ShippedQuantityByItem[items[0].OrderItemId]);
        Assert.True(partial.LastUpdated > created);

        Assert.Equal(HttpStatusCode.NoContent, (await scope.SendAsync(HttpMethod.Post, path, Ship((items[0].OrderItemId, 1), (items[1].OrderItemId, 1)))).Status);
        var full = scope.Emulator.Orders.Get(id)!;
        Assert.Equal(("SHIPPED", 2), (full.Status, full.Shipments));
        var fetched = await scope.OkAsync(HttpMethod.Get, $"orders/2026-01-01/orders/{id}?includedData=FULFILLMENT,PACKAGES");
        Assert.Equal("SHIPPED", fetched.GetProperty("order").GetProperty("fulfillment").Str("fulfillmentStatus"));
        var packages = fetched.GetProperty("order").GetProperty("packages");
        Assert.Equal(2, packages.GetArrayLength());
        Assert.Equal("1Z999", packages[1].Str("trackingNumber"));
        Assert.Equal(2, packages[1].GetProperty("packageItems").GetArrayLength());

        var cancelled = scope.PlaceOrder();
        scope.Emulator.Orders.CancelByAmazon(cancelled);
        var cancelledItem = scope.Emulator.Orders.Get(cancelled)!.Items[0].OrderItemId;
        Assert.Equal(HttpStatusCode.BadRequest,
            (await scope.SendAsync(HttpMethod.Post, $"orders/v0/orders/{cancelled}/shipmentConfirmation", Ship((cancelledItem, 1)))).Status);
    }

    [Fact]
    public async Task Seller_cancels_by_acknowledgement_feed_but_not_a_shipped_order()
    {
        await using var scope = await AmazonScope.StartAsync();
        var open = scope.PlaceOrder();
        var shipped = scope.PlaceOrder();
        var shippedItem = scope.Emulator.Orders.Get(shipped)!.Items[0].OrderItemId;
        var (shipStatus, _) = await scope.SendAsync(HttpMethod.Post, $"orders/v0/orders/{shipped}/shipmentConfirmation", new
        {
            marketplaceId = scope.Marketplace,
            packageDetail = new
            {
                packageReferenceId = "1", carrierCode = "UPS", trackingNumber = "1Z1", shipDate = "2026-12-02T10:00:00Z",
                orderItems = new[] { new { orderItemId = shippedItem, quantity = 1 } },
            },
        });
        Assert.Equal(HttpStatusCode.NoContent, shipStatus);
        Assert.Equal("PARTIALLY_SHIPPED", scope.Emulator.Orders.Get(shipped)!.Status);

        string Ack(string id, int n) => $"<Message><MessageID>{n}</MessageID><OrderAcknowledgement><AmazonOrderID>{id}</AmazonOrderID>" +
                                        "<StatusCode>Failure</StatusCode><Item><CancelReason>NoInventory</CancelReason></Item></OrderAcknowledgement></Message>";
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion>" +
                  $"<MerchantIdentifier>{scope.Seller}</MerchantIdentifier></Header><MessageType>OrderAcknowledgement</MessageType>" +
                  Ack(open, 1) + Ack(shipped, 2) + "</AmazonEnvelope>";
        var feedId = await scope.SubmitFeedAsync("POST_ORDER_ACKNOWLEDGEMENT_DATA", xml, "text/xml; charset=UTF-8");
        var (feed, report) = await scope.FinishedFeedAsync(feedId);
        Assert.Equal("DONE", feed.Str("processingStatus"));

        var cancelled = scope.Emulator.Orders.Get(open)!;
        Assert.Equal(("CANCELLED", true), (cancelled.Status, cancelled.CancelledBySeller));
        Assert.Equal("PARTIALLY_SHIPPED", scope.Emulator.Orders.Get(shipped)!.Status);
        Assert.Contains("<MessagesProcessed>2</MessagesProcessed>", report);
        Assert.Contains("<MessagesWithError>1</MessagesWithError>", report);
        Assert.Contains($"<AmazonOrderID>{shipped}</AmazonOrderID>", report);
        var fetched = await scope.OkAsync(HttpMethod.Get, $"orders/2026-01-01/orders/{open}?includedData=CANCELLATION,FULFILLMENT");
        var order = fetched.GetProperty("order");
        Assert.Equal("CANCELLED", order.GetProperty("fulfillment").Str("fulfillmentStatus"));
        Assert.Equal("MERCHANT", order.GetProperty("orderItems")[0].GetProperty("cancellation").GetProperty("cancellationExecution").Str("cancelledBy"));
    }

    [Fact]
    public async Task Buyer_cancel_request_shows_on_the_items_and_moves_last_updated()
    {
        var clock = new ManualClock();
        await using var scope = await AmazonScope.StartAsync(o => o.Clock = clock);
        var id = scope.PlaceOrder();
        var placed = scope.Emulator.Orders.Get(id)!.LastUpdated;
        clock.Advance(TimeSpan.FromMinutes(10));
        scope.Emulator.Orders.RequestBuyerCancel(id, "Changed my mind");
        var view = scope.Emulator.Orders.Get(id)!;
        Assert.Equal("UNSHIPPED", view.Status);
        Assert.Equal(placed.AddMinutes(10), view.LastUpdated);
        Assert.True(view.Items[0].BuyerRequestedCancel);

        var without = await scope.OkAsync(HttpMethod.Get, $"orders/2026-01-01/orders/{id}");
        Assert.False(without.GetProperty("order").GetProperty("orderItems")[0].TryGetProperty("cancellation", out _));
        clock.Advance(TimeSpan.FromMinutes(3));
        var search = await scope.OkAsync(HttpMethod.Get, $"{Search}?lastUpdatedAfter={Iso(placed.AddMinutes(5))}&includedData=CANCELLATION");
        var request = search.GetProperty("orders")[0].GetProperty("orderItems")[0].GetProperty("cancellation").GetProperty("cancellationRequest");
        Assert.Equal(("BUYER", "Changed my mind"), (request.Str("requester"), request.Str("cancelReason")));
    }
}
