using System.Net;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Sandbox.Tests.Rest;

/// <summary>The token bucket runs on a manual clock: nothing refills unless the test moves time.</summary>
public sealed class RestRateLimitTests
{
    [Fact]
    public async Task Calls_beyond_the_burst_get_429_with_Retry_After_and_RateLimit_fields()
    {
        var clock = new ManualClock();
        await using var scope = await RestScope.StartAsync(o => { o.RequestsPerSecond = 0.5; o.Burst = 2; o.Clock = clock; });

        using var first = await scope.GetAsync("v1/orders");
        using var second = await scope.GetAsync("v1/orders");
        using var limited = await scope.GetAsync("v1/orders");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        // One token refills in 2 s at 0.5/s; the whole burst in 4 s.
        Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter!.Delta);
        Assert.Equal("""{"error":"rate_limited"}""", await limited.Content.ReadAsStringAsync());
        foreach (var response in new[] { first, second, limited })
            Assert.Equal("\"default\";q=2;w=4", response.Header("RateLimit-Policy"));
        Assert.Equal("\"default\";r=1;t=0", first.Header("RateLimit"));
        Assert.Equal("\"default\";r=0;t=2", second.Header("RateLimit"));
        Assert.Equal("\"default\";r=0;t=2", limited.Header("RateLimit"));
        Assert.Equal(1, scope.Emulator.Counters.RateLimited);
    }

    [Fact]
    public async Task Time_refills_the_bucket()
    {
        var clock = new ManualClock();
        await using var scope = await RestScope.StartAsync(o => { o.RequestsPerSecond = 1; o.Burst = 1; o.Clock = clock; });

        using var spend = await scope.GetAsync("v1/orders");
        using var refused = await scope.GetAsync("v1/orders");
        clock.Advance(TimeSpan.FromMilliseconds(400));
        using var stillRefused = await scope.GetAsync("v1/orders");
        clock.Advance(TimeSpan.FromMilliseconds(700));
        using var again = await scope.GetAsync("v1/orders");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), stillRefused.Headers.RetryAfter!.Delta); // 0.6 s left, rounded up
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Limits_are_per_token_and_a_refused_write_applies_nothing()
    {
        const string other = "second-token";
        await using var scope = await RestScope.StartAsync(o =>
        {
            o.Tokens = new HashSet<string> { RestScope.Token, other };
            o.RequestsPerSecond = 0.1;
            o.Burst = 1;
            o.Clock = new ManualClock();
        });
        scope.Emulator.Catalog.Seed(["51"]);
        const string batch = """{"items":[{"external_id":"51","available":4,"version":1}]}""";

        using var spend = await scope.GetAsync("v1/orders");
        using var refused = await scope.PostAsync(RestScope.Inventory, batch);
        using var otherToken = await scope.PostAsync(RestScope.Inventory, batch, token: other);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal((HttpStatusCode)207, otherToken.StatusCode);
        Assert.Equal(1, scope.Emulator.Counters.ItemsApplied);
    }

    [Fact]
    public async Task Rate_and_burst_are_read_on_every_request()
    {
        var clock = new ManualClock();
        await using var scope = await RestScope.StartAsync(o => { o.RequestsPerSecond = 10; o.Burst = 20; o.Clock = clock; });

        using var before = await scope.GetAsync("v1/orders");
        scope.Emulator.Options.Burst = 1;
        scope.Emulator.Options.RequestsPerSecond = 0.5;
        using var after = await scope.GetAsync("v1/orders");
        using var refused = await scope.GetAsync("v1/orders");

        Assert.Equal("\"default\";q=20;w=2", before.Header("RateLimit-Policy"));
        Assert.Equal("\"default\";q=1;w=2", after.Header("RateLimit-Policy"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Scripted_429s_with_and_without_Retry_After()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Faults.Enqueue(new RestFault.RateLimit(7));
        scope.Emulator.Faults.Enqueue(new RestFault.RateLimitWithoutRetryAfter());

        using var withHint = await scope.GetAsync("v1/orders");
        using var withoutHint = await scope.GetAsync("v1/orders");

        Assert.Equal(HttpStatusCode.TooManyRequests, withHint.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), withHint.Headers.RetryAfter!.Delta);
        Assert.Equal("\"default\";r=0;t=7", withHint.Header("RateLimit"));
        Assert.Equal(HttpStatusCode.TooManyRequests, withoutHint.StatusCode);
        Assert.Null(withoutHint.Headers.RetryAfter);
        Assert.False(withoutHint.Headers.Contains("RateLimit"));
        Assert.True(withoutHint.Headers.Contains("RateLimit-Policy"));
        Assert.Equal("rate_limited", (await RestScope.JsonAsync(withoutHint)).Error());
        Assert.Equal(2, scope.Emulator.Counters.RateLimited);
    }
}
