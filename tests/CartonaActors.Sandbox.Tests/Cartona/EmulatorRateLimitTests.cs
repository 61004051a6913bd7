using System.Net;

namespace CartonaActors.Sandbox.Tests.Cartona;

public sealed class EmulatorRateLimitTests
{
    [Fact]
    public async Task Calls_beyond_the_burst_get_429_with_Retry_After_and_policy()
    {
        await using var scope = await EmulatorScope.StartAsync(o => { o.RequestsPerSecond = 0.5; o.Burst = 3; });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await scope.GetAsync("supplier-product");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else response.Dispose();
        }

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, statuses);
        using (limited)
        {
            // One token refills in 2 s at 0.5/s; the header rounds up to whole seconds.
            var retryAfter = limited!.Headers.RetryAfter!.Delta!.Value;
            Assert.InRange(retryAfter.TotalSeconds, 1, 2);
            Assert.True(limited.Headers.Contains("RateLimit-Policy"));
            Assert.Equal("rate_limited", (await EmulatorScope.JsonAsync(limited)).GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task Limits_are_per_token()
    {
        const string other = "second-token";
        await using var scope = await EmulatorScope.StartAsync(o =>
        {
            o.Tokens = new HashSet<string> { EmulatorScope.Token, other };
            o.RequestsPerSecond = 0.1;
            o.Burst = 1;
        });

        using var first = await scope.GetAsync("supplier-product");
        using var firstAgain = await scope.GetAsync("supplier-product");
        using var second = await scope.GetAsync("supplier-product", other);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, firstAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task A_rate_limited_bulk_call_applies_nothing()
    {
        await using var scope = await EmulatorScope.StartAsync(o => { o.RequestsPerSecond = 0.1; o.Burst = 1; });
        scope.Emulator.Catalog.Add(1, "p1");

        using var spend = await scope.GetAsync("supplier-product");
        using var response = await scope.PostBulkAsync("""[{"internal_product_id":"p1","selling_price":"5.0"}]""");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null(scope.Emulator.Catalog.TryGet("p1")!.SellingPrice);
    }
}
