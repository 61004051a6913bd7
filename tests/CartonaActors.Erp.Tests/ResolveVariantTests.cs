using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests;

public sealed class ResolveVariantTests
{
    [Fact]
    public async Task Each_watched_model_resolves_to_its_variants_skipping_unknown_records()
    {
        await using var scope = await OdooScope.StartAsync();
        var warehouse = scope.Emulator.AddWarehouse("WH", "Main");
        var shirt = scope.Emulator.AddProduct("Shirt", 10m, ["S", "M", "L"]);
        var tea = scope.Emulator.AddProduct("Tea", 3m, ["TEA"]);
        await scope.Emulator.SetActiveAsync("product.product", shirt.VariantIds[2], false, WebhookMode.Lost);
        var quant = await scope.Emulator.SetStockAsync(tea.VariantIds[0], warehouse, 4, mode: WebhookMode.Lost);
        var move = scope.Emulator.Seed("stock.move", [new Dictionary<string, object?>
        {
            ["product_id"] = shirt.VariantIds[1], ["warehouse_id"] = warehouse, ["product_uom_qty"] = 2m, ["state"] = "done",
        }])[0];
        scope.Emulator.ClearCalls();

        var catalog = scope.Catalog;
        Assert.Equal([shirt.VariantIds[0], shirt.VariantIds[2]],
            (await catalog.ResolveVariantIdsAsync("product.product", [shirt.VariantIds[0], shirt.VariantIds[2], 777], default)).Order());
        Assert.Equal(shirt.VariantIds.Concat(tea.VariantIds).Order(),
            (await catalog.ResolveVariantIdsAsync("product.template", [shirt.TemplateId, tea.TemplateId, 888], default)).Order());
        Assert.Equal([tea.VariantIds[0]], await catalog.ResolveVariantIdsAsync("stock.quant", [quant, 999], default));
        Assert.Equal([shirt.VariantIds[1]], await catalog.ResolveVariantIdsAsync("stock.move", [move], default));
        Assert.Empty(await catalog.ResolveVariantIdsAsync("stock.move", [], default));
        Assert.Equal(4, scope.Emulator.Calls.Count(c => c.Service == "object")); // one call per batch, none for an empty one
        await Assert.ThrowsAsync<ArgumentException>(() => catalog.ResolveVariantIdsAsync("res.partner", [1], default));
    }

    [Fact]
    public async Task Attribute_values_resolve_in_one_call_to_every_variant_linked_to_any_of_them_archived_included()
    {
        await using var scope = await OdooScope.StartAsync();
        var shirt = scope.Emulator.AddProduct("Shirt", 10m, ["S-RED", "M-RED", "S-BLUE"], priceExtras: [0m, 0m, 1m]);
        var tea = scope.Emulator.AddProduct("Tea", 3m, ["TEA"]);
        var red = scope.Emulator.AddAttributeValue(shirt.TemplateId, "Red", 1m, [shirt.VariantIds[0], shirt.VariantIds[1]]);
        var unused = scope.Emulator.AddAttributeValue(tea.TemplateId, "Loose", 0m, []);
        await scope.Emulator.SetActiveAsync("product.product", shirt.VariantIds[1], false, WebhookMode.Lost);
        var blue = Assert.Single(scope.Emulator.AttributeValueIdsOf(shirt.VariantIds[2]));
        scope.Emulator.ClearCalls();

        var catalog = scope.Catalog;
        Assert.Equal([shirt.VariantIds[0], shirt.VariantIds[1]],
            await catalog.ResolveVariantIdsAsync("product.template.attribute.value", [red, 777], default));
        Assert.Equal(shirt.VariantIds, await catalog.ResolveVariantIdsAsync("product.template.attribute.value", [red, blue, unused], default));
        Assert.Empty(await catalog.ResolveVariantIdsAsync("product.template.attribute.value", [unused], default));
        Assert.Equal(3, scope.CallsTo("product.product", "search_read"));
        Assert.Equal(3, scope.Emulator.Calls.Count(c => c.Service == "object"));
    }

    [Fact]
    public async Task Changed_quants_and_moves_carry_their_product_as_the_concerned_variant()
    {
        var start = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        await using var scope = await OdooScope.StartAsync(o => o.Clock = clock);
        var warehouse = scope.Emulator.AddWarehouse("WH", "Main");
        var tea = scope.Emulator.AddProduct("Tea", 3m, ["TEA"]).VariantIds[0];
        clock.Set(start.AddMinutes(1));
        var quant = await scope.Emulator.SetStockAsync(tea, warehouse, 4, mode: WebhookMode.Lost);
        var move = 0L;
        await scope.Emulator.TransactAsync(tx => move = tx.Create("stock.move", new Dictionary<string, object?>
        {
            ["product_id"] = tea, ["warehouse_id"] = warehouse, ["product_uom_qty"] = 1m, ["state"] = "done",
        }), WebhookMode.Lost);

        var quants = await scope.Catalog.ReadChangedAsync("stock.quant", start.UtcDateTime, null, 0, 10, default);
        var moves = await scope.Catalog.ReadChangedAsync("stock.move", start.UtcDateTime, null, 0, 10, default);

        Assert.Equal(new CartonaActors.Erp.OdooChange("stock.quant", quant, start.AddMinutes(1).UtcDateTime, [tea]).RecordId, quants.Single().RecordId);
        Assert.Equal([tea], quants.Single().VariantIds);
        Assert.Equal(move, moves.Single().RecordId);
        Assert.Equal([tea], moves.Single().VariantIds);
    }
}
