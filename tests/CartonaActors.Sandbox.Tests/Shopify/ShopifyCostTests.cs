using CartonaActors.Sandbox.Tests.Rest;

namespace CartonaActors.Sandbox.Tests.Shopify;

public sealed class ShopifyCostTests
{
    private const string Variants = "{ productVariants(first: 50) { nodes { id sku product { id } } pageInfo { hasNextPage } } }";

    [Fact]
    public async Task Connection_cost_is_requested_by_first_and_refunded_for_unreturned_nodes()
    {
        await using var scope = await ShopifyScope.StartAsync(o => o.Clock = new ManualClock());
        var body = await scope.QueryAsync(Variants);
        var cost = body.Cost();
        // 2 + 50 × (1 node + 1 product); two nodes came back: 2 + 2 × 2.
        Assert.Equal(102, cost.GetProperty("requestedQueryCost").GetDouble());
        Assert.Equal(6, cost.GetProperty("actualQueryCost").GetDouble());
        Assert.Equal(1994, cost.Path("throttleStatus", "currentlyAvailable").GetDouble());
        Assert.Equal(1898, scope.Emulator.Counters.LowestAvailable);
        Assert.Equal(6, scope.Emulator.Counters.PointsSpent);
    }

    [Fact]
    public async Task Too_expensive_query_is_refused_before_running()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var (_, body) = await scope.PostAsync("{ productVariants(first: 250) { nodes { inventoryItem { inventoryLevels(first: 10) { nodes { id } } } } } }");
        Assert.Equal("MAX_COST_EXCEEDED", body.ErrorCode());
        Assert.StartsWith("Query cost is ", body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal(1, scope.Emulator.Counters.MaxCostExceeded);
        Assert.Null(scope.Emulator.Counters.LowestAvailable);
    }

    [Fact]
    public async Task Short_bucket_is_throttled_and_recovers_at_restore_rate()
    {
        var clock = new ManualClock();
        await using var scope = await ShopifyScope.StartAsync(o =>
        {
            o.Clock = clock;
            o.BucketSize = 150;
            o.RestoreRate = 50;
        });
        await scope.QueryAsync(Variants); // charges 102, refunds 96: 144 left
        await scope.PostAsync("mutation { a: orderCancel(orderId: \"x\", reason: OTHER, restock: false) { job { id } } b: orderCancel(orderId: \"y\", reason: OTHER, restock: false) { job { id } } }");
        var big = "{ productVariants(first: 70) { nodes { id product { id } } } }"; // 142
        var (_, first) = await scope.PostAsync(big);
        Assert.Equal("THROTTLED", first.ErrorCode());
        Assert.Equal(142, first.Cost().GetProperty("requestedQueryCost").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.Cost().GetProperty("actualQueryCost").ValueKind);
        Assert.Equal(124, first.Cost().Path("throttleStatus", "currentlyAvailable").GetDouble());
        Assert.Equal(1, scope.Emulator.Counters.ThrottledAnswers);

        clock.Advance(TimeSpan.FromSeconds(0.5)); // +25 → 149
        var recovered = await scope.QueryAsync(big);
        Assert.Equal(6, recovered.Cost().GetProperty("actualQueryCost").GetDouble());
    }

    [Fact]
    public async Task Scripted_throttle_runs_nothing()
    {
        await using var scope = await ShopifyScope.StartAsync();
        scope.Emulator.Faults.ThrottleNext();
        var (_, body) = await scope.PostAsync(ShopifyScope.SetWithKey("k-throttle"), ShopifyScope.SetInput(scope.Row(0, scope.Cairo, 5, 0)));
        Assert.Equal("THROTTLED", body.ErrorCode());
        Assert.Equal(0, scope.Emulator.Catalog.Variant("RICE-1")!.AvailableByLocation[scope.Cairo]);
        Assert.Equal("throttled", scope.Emulator.Calls[^1].Outcome);
    }

    [Fact]
    public async Task Unknown_field_is_undefinedField()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var (_, body) = await scope.PostAsync("{ shop { name planName } }");
        Assert.Equal("undefinedField", body.ErrorCode());
        Assert.Equal("Field 'planName' doesn't exist on type 'Shop'", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
