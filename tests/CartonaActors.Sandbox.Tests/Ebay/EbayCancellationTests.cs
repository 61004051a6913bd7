using System.Net;

namespace CartonaActors.Sandbox.Tests.Ebay;

public sealed class EbayCancellationTests
{
    private const string Check = "post-order/v2/cancellation/check_eligibility", Cancel = "post-order/v2/cancellation";

    [Fact]
    public async Task Eligible_order_is_cancelled_whole_by_the_seller()
    {
        await using var scope = await EbayScope.StartAsync();
        var id = scope.PlaceOrder();
        var legacy = scope.Emulator.Orders.Get(id)!.LegacyOrderId;
        var (ok, eligibility, _) = await scope.SendAsync(HttpMethod.Post, Check, new { legacyOrderId = legacy }, scheme: "IAF");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.True(eligibility.GetProperty("eligible").GetBoolean());
        Assert.Contains("OUT_OF_STOCK_OR_CANNOT_FULFILL", eligibility.GetProperty("eligibleCancelReason").EnumerateArray().Select(e => e.GetString()));

        scope.Clock.Advance(TimeSpan.FromMinutes(10));
        var (created, body, _) = await scope.SendAsync(HttpMethod.Post, Cancel,
            new { legacyOrderId = legacy, cancelReason = "OUT_OF_STOCK_OR_CANNOT_FULFILL" }, scheme: "IAF");
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("cancelId").GetString()));
        var view = scope.Emulator.Orders.Get(id)!;
        Assert.Equal(("CANCELED", 1, EbayScope.Start.AddMinutes(10)), (view.CancelState, view.CancelRequests, view.LastModified));

        var order = (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order/" + id)).Body;
        Assert.Equal("SELLER", order.GetProperty("cancelStatus").GetProperty("cancelRequests")[0].GetProperty("cancelInitiator").GetString());
        Assert.Equal("FULLY_REFUNDED", order.GetProperty("orderPaymentStatus").GetString());

        var (twice, error, _) = await scope.SendAsync(HttpMethod.Post, Cancel, new { legacyOrderId = legacy, cancelReason = "BUYER_ASKED_CANCEL" }, scheme: "IAF");
        Assert.Equal(HttpStatusCode.BadRequest, twice);
        Assert.Equal("CANCELLATION_EXIST", error.GetProperty("errors")[0].GetProperty("parameters")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Shipped_or_late_orders_are_not_eligible()
    {
        await using var scope = await EbayScope.StartAsync();
        var shipped = scope.PlaceOrder();
        var late = scope.PlaceOrder();
        var line = (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order/" + shipped)).Body.GetProperty("lineItems")[0].GetProperty("lineItemId").GetString();
        await scope.SendAsync(HttpMethod.Post, $"sell/fulfillment/v1/order/{shipped}/shipping_fulfillment",
            new { lineItems = new[] { new { lineItemId = line, quantity = 2 } }, shippingCarrierCode = "USPS", trackingNumber = "T1" });

        var (_, check, _) = await scope.SendAsync(HttpMethod.Post, Check, new { legacyOrderId = scope.Emulator.Orders.Get(shipped)!.LegacyOrderId }, scheme: "IAF");
        Assert.False(check.GetProperty("eligible").GetBoolean());
        Assert.Equal(["SHIPPED"], check.GetProperty("failureReason").EnumerateArray().Select(e => e.GetString()));
        var (refused, _, _) = await scope.SendAsync(HttpMethod.Post, Cancel,
            new { legacyOrderId = scope.Emulator.Orders.Get(shipped)!.LegacyOrderId, cancelReason = "ADDRESS_ISSUES" }, scheme: "IAF");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("NONE_REQUESTED", scope.Emulator.Orders.Get(shipped)!.CancelState);

        scope.Clock.Advance(TimeSpan.FromMinutes(61));
        var (_, lateCheck, _) = await scope.SendAsync(HttpMethod.Post, Check, new { legacyOrderId = scope.Emulator.Orders.Get(late)!.LegacyOrderId }, scheme: "IAF");
        Assert.Equal(["CANCEL_WINDOW_ELAPSED"], lateCheck.GetProperty("failureReason").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Unknown_reason_is_refused_and_buyer_cancel_is_visible()
    {
        await using var scope = await EbayScope.StartAsync();
        var id = scope.PlaceOrder();
        var legacy = scope.Emulator.Orders.Get(id)!.LegacyOrderId;
        var (bad, _, _) = await scope.SendAsync(HttpMethod.Post, Cancel, new { legacyOrderId = legacy, cancelReason = "FOUND_CHEAPER_PRICE" }, scheme: "IAF");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        scope.Emulator.Orders.CancelByBuyer(id);
        var (_, check, _) = await scope.SendAsync(HttpMethod.Post, Check, new { legacyOrderId = legacy }, scheme: "IAF");
        Assert.Equal(["CANCELLATION_EXIST"], check.GetProperty("failureReason").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("CANCELED", scope.Emulator.Orders.Get(id)!.CancelState);
    }
}
