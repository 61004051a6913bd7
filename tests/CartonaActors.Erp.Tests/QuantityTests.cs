using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests;

public sealed class QuantityTests
{
    [Fact]
    public async Task Free_quantity_is_per_warehouse_context_with_reservations_subtracted_and_may_be_negative()
    {
        await using var scope = await OdooScope.StartAsync();
        var cairo = scope.Emulator.AddWarehouse("CAI", "Cairo");
        var alex = scope.Emulator.AddWarehouse("ALX", "Alexandria");
        var product = scope.Emulator.AddProduct("Tea", 10m, ["TEA-1", "TEA-2"]);
        var (tea1, tea2) = (product.VariantIds[0], product.VariantIds[1]);
        await scope.Emulator.SetStockAsync(tea1, cairo, quantity: 10, reserved: 3, WebhookMode.Lost);
        await scope.Emulator.SetStockAsync(tea1, alex, quantity: 5, reserved: 8, WebhookMode.Lost);
        await scope.Emulator.SetStockAsync(tea2, alex, quantity: 4, mode: WebhookMode.Lost);
        scope.Emulator.ClearCalls();

        var inCairo = await scope.Catalog.ReadFreeQuantitiesAsync([tea1, tea2], cairo, default);
        var inAlex = await scope.Catalog.ReadFreeQuantitiesAsync([tea1, tea2, 9999], alex, default);

        Assert.Equal(7m, inCairo[tea1]);
        Assert.Equal(0m, inCairo[tea2]);
        Assert.Equal(-3m, inAlex[tea1]);
        Assert.Equal(4m, inAlex[tea2]);
        Assert.False(inAlex.ContainsKey(9999));
        Assert.Equal(2, scope.CallsTo("product.product", "search_read"));
    }

    [Fact]
    public async Task A_reservation_lowers_free_quantity_and_writes_the_quant_not_the_product()
    {
        await using var scope = await OdooScope.StartAsync();
        var warehouse = scope.Emulator.AddWarehouse("WH", "Main");
        var variant = scope.Emulator.AddProduct("Rice", 5m, ["RICE"]).VariantIds[0];
        var quant = await scope.Emulator.SetStockAsync(variant, warehouse, 10, mode: WebhookMode.Lost);
        var productWriteDate = scope.Emulator.Find("product.product", variant)!.WriteDate;
        var quantWriteDate = scope.Emulator.Find("stock.quant", quant)!.WriteDate;

        await scope.Emulator.ReserveAsync(variant, warehouse, 4, WebhookMode.Lost);

        Assert.Equal(6m, (await scope.Catalog.ReadFreeQuantitiesAsync([variant], warehouse, default))[variant]);
        Assert.Equal(productWriteDate, scope.Emulator.Find("product.product", variant)!.WriteDate);
        Assert.True(scope.Emulator.Find("stock.quant", quant)!.WriteDate > quantWriteDate);
    }

    [Fact]
    public async Task Five_hundred_variants_need_one_search_read_for_their_quantities_and_one_for_their_data()
    {
        await using var scope = await OdooScope.StartAsync();
        var warehouse = scope.Emulator.AddWarehouse("WH", "Main");
        var seed = scope.Emulator.SeedCatalog(500, stockPerWarehouse: 2m);
        scope.Emulator.ClearCalls();

        var quantities = await scope.Catalog.ReadFreeQuantitiesAsync(seed.VariantIds.ToArray(), warehouse, default);
        var variants = await scope.Catalog.ReadVariantsAsync(seed.VariantIds.ToArray(), default);

        Assert.Equal(500, quantities.Count);
        Assert.Equal(500, variants.Count);
        Assert.Equal(2, scope.Emulator.Calls.Count(c => c.Service == "object"));
    }

    [Fact]
    public async Task Warehouses_are_read_with_code_and_company_and_archived_ones_are_left_out()
    {
        await using var scope = await OdooScope.StartAsync();
        var cairo = scope.Emulator.AddWarehouse("CAI", "Cairo");
        var old = scope.Emulator.AddWarehouse("OLD", "Closed");
        await scope.Emulator.SetActiveAsync("stock.warehouse", old, false, WebhookMode.Lost);

        var warehouses = await scope.Catalog.ReadWarehousesAsync(default);

        Assert.Equal([new CartonaActors.Erp.OdooWarehouse(cairo, "CAI", "Cairo", OdooEmulator.DefaultCompanyId)], warehouses);
    }
}
