using CartonaActors.Domain.Sync;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Marketplaces.Tests.Cartona;

public sealed class CartonaClientPayloadTests
{
    [Fact]
    public async Task Push_sends_the_real_modules_field_names_and_types_in_one_call()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Catalog.Seed([(10, "51"), (11, "52"), (200, "x")]);

        var outcome = await scope.Client.PushAsync(
        [
            Items.ByInternalId("51", price: 12.5m, quantity: 40, unlimited: false),
            Items.ByInternalId("52", price: 100m, quantity: 5, unlimited: true),
            Items.BySupplierId("200", quantity: 3),
        ], CancellationToken.None);

        Outcomes.AssertCleanDelivery(outcome, verified: true);
        var call = Assert.Single(scope.Emulator.Calls);
        Assert.Equal(
            """[{"internal_product_id":"51","selling_price":"12.5","is_unlimited_stock":false,"available_stock_quantity":40},"""
            + """{"internal_product_id":"52","selling_price":"100.0","is_unlimited_stock":true},"""
            + """{"supplier_product_id":200,"is_unlimited_stock":false,"available_stock_quantity":3}]""",
            call.Body);
        Assert.Equal(new CartonaProduct(10, "51", "12.5", 40, false), scope.Emulator.Catalog.TryGet("51"));
        Assert.Equal(new CartonaProduct(11, "52", "100.0", 0, true), scope.Emulator.Catalog.TryGet("52"));
        Assert.Equal(new CartonaProduct(200, "x", null, 3, false), scope.Emulator.Catalog.TryGetById(200));
    }

    [Fact]
    public async Task Unknown_values_are_omitted_not_sent_as_null()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Catalog.Add(1, "a");

        await scope.Client.PushAsync([Items.ByInternalId("a", price: 7.25m)], CancellationToken.None);

        Assert.Equal("""[{"internal_product_id":"a","selling_price":"7.25"}]""", scope.Emulator.Calls.Single().Body);
    }

    [Fact]
    public async Task A_non_numeric_supplier_id_is_sent_as_text_and_the_platform_refusal_comes_back_by_index()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Catalog.Add(1, "a");

        var outcome = await scope.Client.PushAsync(
            [Items.ByInternalId("a", quantity: 1), Items.BySupplierId("ABC", quantity: 2)], CancellationToken.None);

        Assert.Contains("\"supplier_product_id\":\"ABC\"", scope.Emulator.Calls.Single().Body);
        var delivered = Assert.IsType<CallOutcome.Accepted>(outcome);
        var rejection = Assert.Single(delivered.Rejected);
        Assert.Equal(1, rejection.Index);
        Assert.Contains("supplier_product_id must be an integer", rejection.Reason);
    }

    [Fact]
    public async Task Authorization_header_mode_sends_a_bearer_token()
    {
        await using var scope = await ClientScope.StartAsync(connection: s => s.Settings["AuthHeader"] = "Authorization");

        var check = await scope.Client.TestConnectionAsync(CancellationToken.None);

        Assert.True(check.Ok, check.Message);
    }

    [Fact]
    public async Task A_base_url_without_trailing_slash_reaches_the_same_endpoints()
    {
        await using var scope = await ClientScope.StartAsync();
        using var client = new CartonaActors.Marketplaces.Cartona.CartonaClient(
            ClientScope.Settings(scope.Emulator.BaseUrl.TrimEnd('/')));

        var check = await client.TestConnectionAsync(CancellationToken.None);

        Assert.True(check.Ok, check.Message);
        Assert.Equal("/api/v1/supplier-product", scope.Emulator.Calls.Single().Path);
        Assert.Equal("?page=1&per_page=1", scope.Emulator.Calls.Single().Query);
    }

    [Fact]
    public async Task Read_back_lists_what_the_push_left_on_the_platform()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Catalog.Seed([(1, "a"), (2, "b")]);
        await scope.Client.PushAsync([Items.ByInternalId("b", price: 3m, unlimited: true)], CancellationToken.None);

        var products = await scope.Client.ListSupplierProductsAsync(1, 10, CancellationToken.None);

        Assert.Equal(
            new[]
            {
                new CartonaActors.Marketplaces.Cartona.CartonaSupplierProduct(1, "a", null, 0, false, IsPublished: true),
                new CartonaActors.Marketplaces.Cartona.CartonaSupplierProduct(2, "b", "3.0", 0, true, IsPublished: true),
            },
            products);
    }
}
