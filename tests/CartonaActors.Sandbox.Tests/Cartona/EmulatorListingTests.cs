using System.Net;

namespace CartonaActors.Sandbox.Tests.Cartona;

public sealed class EmulatorListingTests
{
    [Fact]
    public async Task Pages_are_stable_by_id()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Catalog.Seed([(30, "c"), (10, "a"), (20, "b")]);

        var page1 = await ListIdsAsync(scope, "supplier-product?page=1&per_page=2");
        var page2 = await ListIdsAsync(scope, "supplier-product?page=2&per_page=2");
        var page3 = await ListIdsAsync(scope, "supplier-product?page=3&per_page=2");

        Assert.Equal(new long[] { 10, 20 }, page1);
        Assert.Equal(new long[] { 30 }, page2);
        Assert.Empty(page3);
    }

    [Fact]
    public async Task Items_carry_the_platform_fields()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Catalog.Add(7, "p7");
        using (await scope.PostBulkAsync("""[{"internal_product_id":"p7","selling_price":"3.0","available_stock_quantity":2}]""")) { }

        using var response = await scope.GetAsync("supplier-product?page=1&per_page=1");

        var item = (await EmulatorScope.JsonAsync(response))[0];
        Assert.Equal(7, item.GetProperty("id").GetInt64());
        Assert.Equal("p7", item.GetProperty("internal_product_id").GetString());
        Assert.Equal("3.0", item.GetProperty("selling_price").GetString());
        Assert.Equal(2, item.GetProperty("available_stock_quantity").GetInt32());
        Assert.False(item.GetProperty("is_unlimited_stock").GetBoolean());
        Assert.True(item.GetProperty("in_stock").GetBoolean());
    }

    [Fact]
    public async Task Filters_by_internal_or_supplier_id()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Catalog.Seed([(1, "a"), (2, "b"), (3, "c")]);

        Assert.Equal(new long[] { 2 }, await ListIdsAsync(scope, "supplier-product?internal_product_id=b"));
        Assert.Equal(new long[] { 3 }, await ListIdsAsync(scope, "supplier-product?supplier_product_id=3"));
        Assert.Empty(await ListIdsAsync(scope, "supplier-product?internal_product_id=nope"));
    }

    [Fact]
    public async Task Per_page_defaults_to_100_and_is_capped_at_1000()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Catalog.Seed(Enumerable.Range(1, 1200).Select(i => ((long)i, $"p{i}")));

        Assert.Equal(100, (await ListIdsAsync(scope, "supplier-product")).Count);
        Assert.Equal(1000, (await ListIdsAsync(scope, "supplier-product?per_page=5000")).Count);
    }

    [Fact]
    public async Task Bad_paging_is_400()
    {
        await using var scope = await EmulatorScope.StartAsync();

        using var response = await scope.GetAsync("supplier-product?page=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<List<long>> ListIdsAsync(EmulatorScope scope, string url)
    {
        using var response = await scope.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await EmulatorScope.JsonAsync(response)).EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
    }
}
