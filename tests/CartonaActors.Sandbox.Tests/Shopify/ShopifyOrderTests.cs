using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartonaActors.Sandbox.Tests.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Tests.Shopify;

public sealed class ShopifyOrderTests
{
    private const string Feed = """
        query($after: String, $q: String) { orders(first: 2, after: $after, sortKey: UPDATED_AT, query: $q) {
          nodes { id name updatedAt } pageInfo { hasNextPage endCursor } } }
        """;

    [Fact]
    public async Task Orders_page_by_updated_at_with_ties_and_opaque_cursors()
    {
        var clock = new ManualClock();
        await using var scope = await ShopifyScope.StartAsync(o => o.Clock = clock);
        var a = scope.PlaceOrder();
        var b = scope.PlaceOrder(); // same second as a: tie broken by id
        clock.Advance(TimeSpan.FromSeconds(5));
        var c = scope.PlaceOrder();

        var page1 = (await scope.QueryAsync(Feed)).Path("data", "orders");
        Assert.Equal([a, b], Ids(page1));
        var cursor = page1.Path("pageInfo", "endCursor").GetString()!;
        Assert.DoesNotContain("Order", cursor);

        clock.Advance(TimeSpan.FromSeconds(5));
        scope.Emulator.Orders.Touch(a); // a moves to the end: seen again, b is not repeated, c not skipped
        var page2 = (await scope.QueryAsync(Feed, new { after = cursor })).Path("data", "orders");
        Assert.Equal([c, a], Ids(page2));
        Assert.False(page2.Path("pageInfo", "hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Updated_at_filter_compares_at_second_precision()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 9, 59, 59, 900, TimeSpan.Zero));
        await using var scope = await ShopifyScope.StartAsync(o => o.Clock = clock);
        scope.PlaceOrder();
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var late = scope.PlaceOrder();
        var quoted = (await scope.QueryAsync(Feed, new { q = "updated_at:>='2026-12-04T10:00:00Z'" })).Path("data", "orders");
        var bare = (await scope.QueryAsync(Feed, new { q = "updated_at:>2026-12-04T09:59:59Z" })).Path("data", "orders");
        Assert.Equal([late], Ids(quoted));
        Assert.Equal([late], Ids(bare));
    }

    [Fact]
    public async Task Fulfilment_ships_everything_and_refuses_a_closed_fulfillment_order()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var order = scope.PlaceOrder();
        var fo = (await scope.QueryAsync("query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 5) { nodes { id status } } } }", new { id = order }))
            .Path("data", "order", "fulfillmentOrders", "nodes")[0].GetProperty("id").GetString();
        const string ship = """
            mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id status } userErrors { field message } } }
            """;
        var input = new { f = new { lineItemsByFulfillmentOrder = new[] { new { fulfillmentOrderId = fo } }, notifyCustomer = false } };
        var first = await scope.QueryAsync(ship, input);
        Assert.Equal("SUCCESS", first.Path("data", "fulfillmentCreate", "fulfillment", "status").GetString());
        Assert.Equal("FULFILLED", scope.Emulator.Orders.Get(order)!.DisplayFulfillmentStatus);
        var again = await scope.QueryAsync(ship, input);
        Assert.Equal(JsonValueKind.Null, again.Path("data", "fulfillmentCreate", "fulfillment").ValueKind);
        Assert.Equal(1, again.Path("data", "fulfillmentCreate", "userErrors").GetArrayLength());
        Assert.Equal(1, scope.Emulator.Orders.Get(order)!.Fulfillments);
    }

    [Fact]
    public async Task Cancel_is_an_async_job_completed_by_the_next_request()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var order = scope.PlaceOrder();
        const string cancel = """
            mutation($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: true, notifyCustomer: false,
              refundMethod: { originalPaymentMethodsRefund: true }) { job { id done } orderCancelUserErrors { field message code } } }
            """;
        var body = await scope.QueryAsync(cancel, new { id = order });
        Assert.False(body.Path("data", "orderCancel", "job", "done").GetBoolean());
        Assert.Null(scope.Emulator.Orders.Get(order)!.CancelledAt);

        var read = await scope.QueryAsync("query($id: ID!) { order(id: $id) { cancelledAt cancelReason displayFinancialStatus } }", new { id = order });
        Assert.Equal("CUSTOMER", read.Path("data", "order", "cancelReason").GetString());
        Assert.Equal("REFUNDED", read.Path("data", "order", "displayFinancialStatus").GetString());

        var twice = await scope.QueryAsync(cancel, new { id = order });
        Assert.Equal("INVALID", twice.Path("data", "orderCancel", "orderCancelUserErrors")[0].GetProperty("code").GetString());
        Assert.Equal(2, scope.Emulator.Orders.Get(order)!.CancelCalls);
    }

    [Fact]
    public async Task Webhooks_are_signed_duplicated_with_one_id_and_retried()
    {
        var received = new List<(string Topic, string Id, string Hmac, string Body)>();
        var failFirst = 1;
        await using var receiver = await Receiver.StartAsync(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            lock (received)
            {
                if (failFirst-- > 0)
                {
                    context.Response.StatusCode = 500;
                    return;
                }
                received.Add((context.Request.Headers["X-Shopify-Topic"].ToString(), context.Request.Headers["X-Shopify-Webhook-Id"].ToString(),
                    context.Request.Headers["X-Shopify-Hmac-SHA256"].ToString(), body));
            }
        });
        await using var scope = await ShopifyScope.StartAsync(o =>
        {
            o.WebhookUrl = receiver.Url;
            o.DuplicateWebhooks = true;
        });
        var order = scope.PlaceOrder();
        await scope.Emulator.WebhooksDeliveredAsync();

        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal("orders/create", r.Topic));
        Assert.Equal(received[0].Id, received[1].Id);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("emu-secret"), Encoding.UTF8.GetBytes(received[0].Body)));
        Assert.Equal(expected, received[0].Hmac);
        using var json = JsonDocument.Parse(received[0].Body);
        Assert.Equal(order, json.RootElement.GetProperty("admin_graphql_api_id").GetString());
        Assert.Equal(3, scope.Emulator.Webhooks.Count); // one failed attempt, its retry, the duplicate
        Assert.Equal(500, scope.Emulator.Webhooks[0].Status);
    }

    [Fact]
    public async Task Reordered_webhooks_arrive_newest_first()
    {
        var topics = new List<string>();
        await using var receiver = await Receiver.StartAsync(context =>
        {
            lock (topics) topics.Add(context.Request.Headers["X-Shopify-Topic"].ToString());
            return Task.CompletedTask;
        });
        await using var scope = await ShopifyScope.StartAsync(o =>
        {
            o.WebhookUrl = receiver.Url;
            o.ReorderWebhooks = true;
            o.WebhookReorderWindow = TimeSpan.FromMilliseconds(300);
        });
        var order = scope.PlaceOrder();
        scope.Emulator.Orders.Cancel(order);
        await scope.Emulator.WebhooksDeliveredAsync();
        Assert.Equal(["orders/updated", "orders/cancelled", "orders/create"], topics);
    }

    private static List<string> Ids(JsonElement connection) =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();

    /// <summary>A loopback HTTP endpoint standing in for our webhook receiver.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Receiver(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }

        public static async Task<Receiver> StartAsync(RequestDelegate handler)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.Run(handler);
            await app.StartAsync();
            var address = app.Urls.First();
            return new Receiver(app, address + "/webhooks");
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
