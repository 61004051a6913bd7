using CartonaActors.Erp;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests;

public sealed class PriceTests
{
    [Fact]
    public async Task A_template_price_change_bumps_every_variant_write_date_and_lst_price_includes_price_extra()
    {
        var start = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        await using var scope = await OdooScope.StartAsync(o => o.Clock = clock);
        var product = scope.Emulator.AddProduct("Shirt", 10m, ["SHIRT-S", "SHIRT-XL"], priceExtras: [0m, 2.5m]);
        await scope.Emulator.SetActiveAsync("product.product", product.VariantIds[1], false, WebhookMode.Lost);
        var before = await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default);
        clock.Set(start.AddMinutes(5).AddTicks(1234560));

        await scope.Emulator.SetListPriceAsync(product.TemplateId, 20m, WebhookMode.Lost);

        var after = await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default);
        Assert.Equal([10m, 12.5m], before.Select(v => v.LstPrice));
        Assert.Equal([20m, 22.5m], after.Select(v => v.LstPrice));
        Assert.All(after, v => Assert.Equal(start.AddMinutes(5).UtcDateTime, v.WriteDate)); // whole seconds over RPC
        Assert.All(after, v => Assert.Equal(product.TemplateId, v.TemplateId));
        Assert.Equal([true, false], after.Select(v => v.Active));

        var variantChanges = await scope.Catalog.ReadChangedAsync("product.product", start.AddMinutes(1).UtcDateTime, null, 0, 10, default);
        var templateChanges = await scope.Catalog.ReadChangedAsync("product.template", start.AddMinutes(1).UtcDateTime, null, 0, 10, default);
        Assert.Equal(product.VariantIds, variantChanges.Select(c => c.RecordId));
        Assert.Equal(product.TemplateId, Assert.Single(templateChanges).RecordId);
        Assert.Equal(product.VariantIds, templateChanges[0].VariantIds);
    }

    [Fact]
    public async Task A_price_extra_change_moves_only_the_attribute_value_not_the_variant_or_template()
    {
        var start = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        await using var scope = await OdooScope.StartAsync(o => o.Clock = clock);
        var product = scope.Emulator.AddProduct("Shirt", 10m, ["S", "XL"]);
        clock.Set(start.AddMinutes(1));

        await scope.Emulator.SetPriceExtraAsync(product.VariantIds[1], 3m, WebhookMode.Lost);

        var since = start.AddSeconds(30).UtcDateTime;
        var attributeValue = Assert.Single(scope.Emulator.AttributeValueIdsOf(product.VariantIds[1]));
        Assert.Empty(scope.Emulator.AttributeValueIdsOf(product.VariantIds[0]));
        Assert.Empty(await scope.Catalog.ReadChangedAsync("product.product", since, null, 0, 10, default));
        Assert.Empty(await scope.Catalog.ReadChangedAsync("product.template", since, null, 0, 10, default));
        var change = Assert.Single(await scope.Catalog.ReadChangedAsync("product.template.attribute.value", since, null, 0, 10, default));
        Assert.Equal(new OdooChange("product.template.attribute.value", attributeValue, start.AddMinutes(1).UtcDateTime,
            change.VariantIds), change);
        Assert.Equal([product.VariantIds[1]], change.VariantIds);
        var variants = await scope.Catalog.ReadVariantsAsync(product.VariantIds.ToArray(), default);
        Assert.Equal([10m, 13m], variants.Select(v => v.LstPrice));
        Assert.All(variants, v => Assert.Equal(start.UtcDateTime, v.WriteDate));

        clock.Set(start.AddMinutes(2));
        await scope.Emulator.SetPriceExtraAsync(product.VariantIds[1], 4m, WebhookMode.Lost); // the same attribute value again
        Assert.Equal([attributeValue], scope.Emulator.AttributeValueIdsOf(product.VariantIds[1]));
        Assert.Equal(14m, (await scope.Catalog.ReadVariantsAsync([product.VariantIds[1]], default))[0].LstPrice);
    }

    [Fact]
    public async Task A_shared_attribute_value_changes_the_lst_price_of_exactly_its_variants_and_only_its_own_write_date()
    {
        var start = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        await using var scope = await OdooScope.StartAsync(o => o.Clock = clock);
        var shirt = scope.Emulator.AddProduct("Shirt", 10m, ["S-RED", "M-RED", "S-BLUE"], priceExtras: [0m, 1m, 0m]);
        var other = scope.Emulator.AddProduct("Cap", 5m, ["CAP"]);
        var red = scope.Emulator.AddAttributeValue(shirt.TemplateId, "Color: Red", 2m, [shirt.VariantIds[0], shirt.VariantIds[1]]);
        var before = await scope.Catalog.ReadVariantsAsync(shirt.VariantIds.Concat(other.VariantIds).ToArray(), default);
        clock.Set(start.AddMinutes(3).AddTicks(1234560));

        await scope.Emulator.SetAttributeExtraAsync(red, 4.5m, WebhookMode.Lost);

        var after = await scope.Catalog.ReadVariantsAsync(shirt.VariantIds.Concat(other.VariantIds).ToArray(), default);
        Assert.Equal([12m, 13m, 10m, 5m], before.Select(v => v.LstPrice));
        Assert.Equal([14.5m, 15.5m, 10m, 5m], after.Select(v => v.LstPrice));
        Assert.Equal(before.Select(v => v.WriteDate), after.Select(v => v.WriteDate));
        Assert.Equal(start.AddMinutes(3).AddTicks(1234560).UtcDateTime, scope.Emulator.Find("product.template.attribute.value", red)!.WriteDate);
        Assert.Equal(start.UtcDateTime, scope.Emulator.Find("product.template", shirt.TemplateId)!.WriteDate);
        var extras = await scope.Client.ReadAsync("product.product", shirt.VariantIds, ["price_extra", "product_template_attribute_value_ids"]);
        Assert.Equal([4.5m, 5.5m, 0m], extras.Select(r => OdooValues.Decimal(r, "price_extra")));
        Assert.Contains(red, OdooValues.Ids(extras[0], "product_template_attribute_value_ids"));
    }

    [Fact]
    public async Task Variants_carry_code_sale_ok_company_and_the_unlimited_flag_only_when_configured()
    {
        await using var scope = await OdooScope.StartAsync();
        var shared = scope.Emulator.AddProduct("Shared", 1m, ["SHARED"], companyId: null);
        var unlimited = scope.Emulator.AddProduct("Service", 1m, ["SVC"]);
        await scope.Emulator.WriteAsync("product.product", unlimited.VariantIds, new Dictionary<string, object?> { ["cartona_is_unlimited_stock"] = true }, WebhookMode.Lost);
        await scope.Emulator.WriteAsync("product.template", [shared.TemplateId], new Dictionary<string, object?> { ["sale_ok"] = false }, WebhookMode.Lost);
        var plainSettings = new CartonaActors.Erp.OdooSettings { Url = scope.Settings.Url, Database = scope.Settings.Database,
            Login = scope.Settings.Login, ApiKey = scope.Settings.ApiKey };
        var plainCatalog = new CartonaActors.Erp.OdooCatalog(scope.Transport, plainSettings);

        var variants = await scope.Catalog.ReadVariantsAfterAsync(0, 10, default);
        var plain = await plainCatalog.ReadVariantsAfterAsync(0, 10, default);

        Assert.Equal(["SHARED", "SVC"], variants.Select(v => v.DefaultCode));
        Assert.Equal([null, OdooEmulator.DefaultCompanyId], variants.Select(v => v.CompanyId));
        Assert.Equal([false, true], variants.Select(v => v.SaleOk));
        Assert.Equal([false, true], variants.Select(v => v.UnlimitedStock));
        Assert.All(plain, v => Assert.False(v.UnlimitedStock));
    }
}
