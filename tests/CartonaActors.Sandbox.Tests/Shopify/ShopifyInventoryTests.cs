using System.Net;

namespace CartonaActors.Sandbox.Tests.Shopify;

public sealed class ShopifyInventoryTests
{
    [Fact]
    public async Task Set_applies_rows_atomically_and_reports_changes()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var body = await scope.QueryAsync(ShopifyScope.SetWithKey("k1"),
            ShopifyScope.SetInput(scope.Row(0, scope.Cairo, 11, 0), scope.Row(1, scope.Giza, 4, null)));
        var payload = body.Path("data", "inventorySetQuantities");
        Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
        Assert.Equal("available", payload.Path("inventoryAdjustmentGroup", "changes")[0].GetProperty("name").GetString());
        Assert.Equal(11, payload.Path("inventoryAdjustmentGroup", "changes")[0].GetProperty("delta").GetInt32());
        Assert.Equal(11, scope.Emulator.Catalog.Variant("RICE-1")!.AvailableByLocation[scope.Cairo]);
        Assert.Equal(4, scope.Emulator.Catalog.Variant("RICE-5")!.AvailableByLocation[scope.Giza]);
        Assert.Equal(2, scope.Emulator.Counters.RowsApplied);
        Assert.Equal(10, body.Cost().GetProperty("requestedQueryCost").GetDouble());
    }

    [Fact]
    public async Task Stale_change_from_applies_nothing()
    {
        await using var scope = await ShopifyScope.StartAsync();
        scope.Emulator.Catalog.SetAvailable("RICE-5", scope.Cairo, 9);
        var body = await scope.QueryAsync(ShopifyScope.SetWithKey("k2"),
            ShopifyScope.SetInput(scope.Row(0, scope.Cairo, 3, 0), scope.Row(1, scope.Cairo, 5, 7)));
        var error = body.Path("data", "inventorySetQuantities", "userErrors")[0];
        Assert.Equal("CHANGE_FROM_QUANTITY_STALE", error.GetProperty("code").GetString());
        Assert.Equal(["input", "quantities", "1", "changeFromQuantity"], error.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(0, scope.Emulator.Catalog.Variant("RICE-1")!.AvailableByLocation[scope.Cairo]);
        Assert.Equal(9, scope.Emulator.Catalog.Variant("RICE-5")!.AvailableByLocation[scope.Cairo]);
        Assert.Equal(1, scope.Emulator.Counters.StaleConflicts);
        Assert.Equal(0, scope.Emulator.Counters.RowsApplied);
    }

    [Fact]
    public async Task Same_idempotency_key_replays_the_first_result()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var input = ShopifyScope.SetInput(scope.Row(0, scope.Cairo, 6, 0));
        var first = await scope.QueryAsync(ShopifyScope.SetWithKey("k3"), input);
        scope.Emulator.Catalog.SetAvailable("RICE-1", scope.Cairo, 2);
        var second = await scope.QueryAsync(ShopifyScope.SetWithKey("k3"), input);
        Assert.Equal(first.Path("data", "inventorySetQuantities", "inventoryAdjustmentGroup", "id").GetString(),
            second.Path("data", "inventorySetQuantities", "inventoryAdjustmentGroup", "id").GetString());
        Assert.Equal(2, scope.Emulator.Catalog.Variant("RICE-1")!.AvailableByLocation[scope.Cairo]);
        Assert.Equal(1, scope.Emulator.Counters.IdempotentReplays);
        Assert.Equal(1, scope.Emulator.Counters.RowsApplied);
    }

    [Fact]
    public async Task Missing_directive_or_change_from_is_refused_on_2026_04()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var noDirective = ShopifyScope.SetMutation.Replace(" @idempotent(key: \"KEY\")", "", StringComparison.Ordinal);
        var (_, a) = await scope.PostAsync(noDirective, ShopifyScope.SetInput(scope.Row(0, scope.Cairo, 1, 0)));
        Assert.True(a.TryGetProperty("errors", out _));
        var row = new Dictionary<string, object?> { ["inventoryItemId"] = scope.Product.InventoryItemIds[0], ["locationId"] = scope.Cairo, ["quantity"] = 1 };
        var (_, b) = await scope.PostAsync(ShopifyScope.SetWithKey("k4"), ShopifyScope.SetInput(row));
        Assert.True(b.TryGetProperty("errors", out _));
        Assert.Equal(0, scope.Emulator.Counters.RowsApplied);
    }

    [Fact]
    public async Task More_than_250_rows_are_refused()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var rows = Enumerable.Range(0, 251).Select(_ => scope.Row(0, scope.Cairo, 1, null)).ToArray();
        var (status, body) = await scope.PostAsync(ShopifyScope.SetWithKey("k5"), ShopifyScope.SetInput(rows));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("MAX_INPUT_SIZE_EXCEEDED", body.ErrorCode());
        Assert.Equal(0, scope.Emulator.Counters.RowsApplied);
    }

    [Fact]
    public async Task Unknown_location_is_a_user_error_with_its_path()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var body = await scope.QueryAsync(ShopifyScope.SetWithKey("k6"), ShopifyScope.SetInput(scope.Row(0, "gid://shopify/Location/1", 1, null)));
        var error = body.Path("data", "inventorySetQuantities", "userErrors")[0];
        Assert.Equal("INVALID_LOCATION", error.GetProperty("code").GetString());
        Assert.Equal("locationId", error.GetProperty("field")[3].GetString());
    }

    [Fact]
    public async Task Commit_then_drop_then_retry_replays()
    {
        await using var scope = await ShopifyScope.StartAsync();
        scope.Emulator.Faults.CommitThenDropNext();
        var input = ShopifyScope.SetInput(scope.Row(0, scope.Cairo, 8, 0));
        await Assert.ThrowsAsync<HttpRequestException>(() => scope.PostAsync(ShopifyScope.SetWithKey("k7"), input));
        Assert.Equal(8, scope.Emulator.Catalog.Variant("RICE-1")!.AvailableByLocation[scope.Cairo]);
        var retry = await scope.QueryAsync(ShopifyScope.SetWithKey("k7"), input);
        Assert.Equal(0, retry.Path("data", "inventorySetQuantities", "userErrors").GetArrayLength());
        Assert.Equal(1, scope.Emulator.Counters.IdempotentReplays);
        Assert.Equal(1, scope.Emulator.Counters.Dropped);
        Assert.Equal(1, scope.Emulator.Counters.RowsApplied);
    }

    [Fact]
    public async Task Aliased_mutations_in_one_document_each_answer()
    {
        await using var scope = await ShopifyScope.StartAsync();
        const string doc = """
            mutation($a: InventorySetQuantitiesInput!, $b: InventorySetQuantitiesInput!) {
              m0: inventorySetQuantities(input: $a) @idempotent(key: "a1") { userErrors { code } }
              m1: inventorySetQuantities(input: $b) @idempotent(key: "b1") { userErrors { code } }
            }
            """;
        var a = ShopifyScope.Input(scope.Row(0, scope.Cairo, 1, null));
        var b = ShopifyScope.Input(scope.Row(1, scope.Giza, 2, null));
        var body = await scope.QueryAsync(doc, new { a, b });
        Assert.True(body.Path("data").TryGetProperty("m0", out _));
        Assert.Equal(0, body.Path("data", "m1", "userErrors").GetArrayLength());
        Assert.Equal(20, body.Cost().GetProperty("requestedQueryCost").GetDouble());
        Assert.Equal(2, scope.Emulator.Catalog.Variant("RICE-5")!.AvailableByLocation[scope.Giza]);
    }
}
