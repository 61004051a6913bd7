using System.Net;

namespace CartonaActors.Sandbox.Tests.Amazon;

public sealed class AmazonLimitTests
{
    [Fact]
    public async Task Over_the_burst_is_429_quota_exceeded_without_retry_after_and_every_answer_has_the_rate_header()
    {
        await using var scope = await AmazonScope.StartAsync(o => o.OperationLimits["getOrder"] = (0.5, 3));
        var id = scope.PlaceOrder();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await scope.SendRawAsync(HttpMethod.Get, "orders/2026-01-01/orders/" + id);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("0.5", ok.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
            Assert.False(string.IsNullOrEmpty(ok.Headers.GetValues("x-amzn-RequestId").Single()));
        }
        using var refused = await scope.SendRawAsync(HttpMethod.Get, "orders/2026-01-01/orders/" + id);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Null(refused.Headers.RetryAfter);
        Assert.Equal("0.5", refused.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
        var body = AmazonScope.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("QuotaExceeded", body.ErrorCode());
        Assert.Equal("You exceeded your quota for the requested resource.", body.GetProperty("errors")[0].Str("message"));
        Assert.Equal(1, scope.Emulator.Counters.Throttled);
        Assert.Equal("getOrder", scope.Emulator.Calls[^1].Operation);
    }

    [Fact]
    public async Task Scripted_throttle_and_failure_are_consumed_by_the_calls_they_hit()
    {
        await using var scope = await AmazonScope.StartAsync();
        scope.Emulator.Faults.ThrottleNext("patchListingsItem");
        scope.Emulator.Faults.FailNext(1, 503);
        var id = scope.PlaceOrder();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await scope.SendAsync(HttpMethod.Get, "orders/2026-01-01/orders/" + id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendAsync(HttpMethod.Get, "orders/2026-01-01/orders/" + id)).Status);
        var body = new { productType = "PRODUCT", patches = scope.Patches(1) };
        Assert.Equal(HttpStatusCode.TooManyRequests, (await scope.SendAsync(HttpMethod.Patch, scope.ListingPath("SKU-1"), body)).Status);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendAsync(HttpMethod.Patch, scope.ListingPath("SKU-1"), body)).Status);
    }
}
