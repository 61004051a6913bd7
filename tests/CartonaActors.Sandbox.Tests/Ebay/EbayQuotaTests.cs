using System.Net;

namespace CartonaActors.Sandbox.Tests.Ebay;

public sealed class EbayQuotaTests
{
    [Fact]
    public async Task Daily_quota_is_429_until_pacific_midnight_and_per_api()
    {
        await using var scope = await EbayScope.StartAsync(o => o.FulfillmentCallsPerDay = 2);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order")).Status);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order")).Status);
        var (status, body, _) = await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(2001, body.FirstErrorId());
        Assert.Equal(HttpStatusCode.OK, (await scope.BulkAsync(EbayScope.Entry("OIL-1", scope.OilOffer, 1, "1.00"))).Status);

        scope.Clock.Advance(TimeSpan.FromHours(1)); // UTC midnight passed, Pacific day did not
        Assert.Equal(HttpStatusCode.TooManyRequests, (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order")).Status);
        scope.Clock.Advance(TimeSpan.FromHours(7.5));
        scope.Token = scope.Emulator.IssueAccessToken().AccessToken; // the 2-hour token died on the way
        Assert.Equal(HttpStatusCode.OK, (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order")).Status);
        Assert.Equal(2, scope.Emulator.Counters.QuotaRefusals);
        Assert.Equal(2, scope.Emulator.Counters.Throttled);
    }

    [Fact]
    public async Task Scripted_throttle_and_failure_apply_nothing()
    {
        await using var scope = await EbayScope.StartAsync();
        scope.Emulator.Faults.ThrottleNext();
        scope.Emulator.Faults.FailNext(1, 503);
        var (throttled, body, _) = await scope.BulkAsync(EbayScope.Entry("OIL-1", scope.OilOffer, 1, "1.00"));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled);
        Assert.Equal(2001, body.FirstErrorId());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await scope.BulkAsync(EbayScope.Entry("OIL-1", scope.OilOffer, 1, "1.00"))).Status);
        Assert.Equal(40, scope.Emulator.Catalog.Item("OIL-1")!.Quantity);
        Assert.Equal(HttpStatusCode.OK, (await scope.BulkAsync(EbayScope.Entry("OIL-1", scope.OilOffer, 1, "1.00"))).Status);
        Assert.Equal(1, scope.Emulator.Counters.Throttled);
        Assert.Equal([429, 503, 200], scope.Emulator.Calls.Select(c => c.Status));
    }
}
