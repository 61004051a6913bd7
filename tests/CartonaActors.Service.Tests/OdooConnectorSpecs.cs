using System.Diagnostics;
using System.Net;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using CartonaActors.Sandbox.Odoo;
using Xunit.Abstractions;

namespace CartonaActors.Service.Tests;

/// <summary>Odoo 18 (emulated, JSON-RPC and webhooks) -> service -> Cartona (emulated), end to end.</summary>
public sealed class OdooConnectorSpecs(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string[]> OneConnection = new() { ["cartona"] = ["WH1"] };

    [Fact]
    public async Task After_loading_10000_variants_and_random_changes_Cartona_shows_Odoos_values_for_all()
    {
        const int variants = 10_000;
        OdooSeed seed = null!;
        long wh = 0;
        await using var world = await OdooWorld.StartAsync(o =>
        {
            wh = o.AddWarehouse("WH1", "Main");
            seed = o.SeedCatalog(variants, listPrice: 10m, stockPerWarehouse: 5m);
        }, OneConnection, variants);
        Assert.Equal(Enumerable.Range(1, variants).Select(i => (long)i), seed.VariantIds);

        var clock = Stopwatch.StartNew();
        var progress = await world.LoadCatalogAsync(TimeSpan.FromMinutes(5));
        var loaded = clock.Elapsed;
        Assert.Equal(variants, progress.GetProperty("read").GetInt32());
        var expected = await world.ExpectedAsync(OneConnection);
        await Until.TrueAsync(() => Task.FromResult(world.Mismatches("cartona", expected["cartona"]) == 0), TimeSpan.FromMinutes(2), "catalog on Cartona");
        var onCartona = clock.Elapsed;

        // Random changes through Odoo's own paths: template prices, stock, reservations, attribute extras.
        var random = new Random(7);
        clock.Restart();
        for (var i = 0; i < 100; i++)
        {
            await world.Odoo.SetListPriceAsync(seed.TemplateIds[random.Next(variants)], 20m + i);
            await world.Odoo.SetStockAsync(seed.VariantIds[random.Next(variants)], wh, random.Next(-5, 100));
            await world.Odoo.ReserveAsync(seed.VariantIds[random.Next(variants)], wh, 2);
            if (i % 10 == 0) await world.Odoo.SetPriceExtraAsync(seed.VariantIds[random.Next(variants)], 1.5m);
        }
        expected = await world.ExpectedAsync(OneConnection);
        await Until.TrueAsync(() => Task.FromResult(world.Mismatches("cartona", expected["cartona"]) == 0), TimeSpan.FromMinutes(2), "changes on Cartona");
        output.WriteLine($"catalog load of {variants} variants: fed in {loaded.TotalSeconds:0.0} s, all on Cartona after {onCartona.TotalSeconds:0.0} s; " +
                         $"310 Odoo changes on Cartona {clock.Elapsed.TotalSeconds:0.0} s after the first; Odoo calls {world.Odoo.Calls.Count}");
    }

    [Fact]
    public async Task A_catalog_load_reads_Odoo_only_as_fast_as_the_marketplace_takes_the_pushes()
    {
        const int variants = 2_000, maxQueued = 200, pageSize = 100;
        await using var world = await OdooWorld.StartAsync(o =>
        {
            o.AddWarehouse("WH1", "Main");
            o.SeedCatalog(variants, listPrice: 10m, stockPerWarehouse: 5m);
        }, OneConnection, variants, new Dictionary<string, string?>
        {
            ["cartona:rate"] = "2", ["cartona:burst"] = "1",
            ["CartonaActors:Connections:0:MaxBatchSize"] = "100",
            ["CartonaActors:Connections:0:RequestsPerSecond"] = "2", ["CartonaActors:Connections:0:Burst"] = "1",
            ["CartonaActors:Odoo:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CartonaActors:ErpSync:CatalogLoadMaxQueued"] = maxQueued.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var cartona = world.Cartona["cartona"];

        (await world.Service.Http.PostAsync("/api/erp/catalog-load", null)).EnsureSuccessStatusCode();
        var widest = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var progress = await world.Service.Http.GetFromJsonAsync<JsonElement>("/api/erp/catalog-load");
            var applied = cartona.Catalog.All().Count(p => p.SellingPrice is not null);
            widest = Math.Max(widest, progress.GetProperty("read").GetInt32() - applied);
            if (applied == variants) break;
            Assert.True(DateTime.UtcNow < deadline, $"catalog not on Cartona in time: {progress}, {applied} applied");
            await Task.Delay(50);
        }
        // Read ahead by the queue limit, the page fed on top of it, the one read meanwhile, and the pages fed while
        // the slices' announcements of earlier ones are on their way (the queue is seen as the slices report it: on
        // a loaded 2-core CI machine that trailed by five pages, 699). Without the limit the gap was 1899 of 2000.
        output.WriteLine($"widest gap between variants read and applied on Cartona: {widest}");
        Assert.InRange(widest, 1, maxQueued + 8 * pageSize);
    }

    [Theory]
    [InlineData(null, "{\"_model\":\"product.product\",\"_id\":1}", HttpStatusCode.Unauthorized)]
    [InlineData("wrong", "{\"_model\":\"product.product\",\"_id\":1}", HttpStatusCode.Unauthorized)]
    [InlineData(OdooWorld.WebhookSecret, "{\"_model\": \"product.product\", ", HttpStatusCode.BadRequest)]
    [InlineData(OdooWorld.WebhookSecret, "{\"_model\":\"product.product\"}", HttpStatusCode.BadRequest)]
    [InlineData(OdooWorld.WebhookSecret, "{\"_model\":\"res.partner\",\"_id\":1}", HttpStatusCode.UnprocessableEntity)]
    // Found by the ingress fuzz suite: both answered 500.
    [InlineData(OdooWorld.WebhookSecret, "{\"_model\":\"product.product\",\"_id\":[]}", HttpStatusCode.BadRequest)]
    [InlineData(OdooWorld.WebhookSecret, "{\"_model\":\"\\ud800\",\"_id\":1}", HttpStatusCode.UnprocessableEntity)]
    public async Task A_webhook_without_the_secret_or_with_a_bad_body_is_refused_and_changes_nothing(string? token, string body, HttpStatusCode expected)
    {
        await using var world = await OdooWorld.StartAsync(o => o.SeedCatalog(3), OneConnection, 3);
        world.Odoo.ClearCalls();
        var url = token is null ? "/webhooks/odoo" : $"/webhooks/odoo?token={token}";
        var response = await world.Service.Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(expected, response.StatusCode);
        await SyncLogApi.UntilRowAsync(world.Service.Http, r => r.Text("kind") == "input_refused" && r.Text("message")!.StartsWith("odoo webhook", StringComparison.Ordinal), "the refused webhook");
        // Nothing was read back from Odoo for it (the pollers only look at write_date).
        Assert.DoesNotContain(world.Odoo.Calls, c => c.Method is "read" && c.Model == "product.product");
        Assert.DoesNotContain(world.Service.Log.Lines, l => l.Contains(OdooWorld.WebhookSecret));
    }

    [Fact]
    public async Task A_webhook_for_a_change_that_rolled_back_does_not_push_the_rolled_back_value()
    {
        OdooSeed seed = null!;
        await using var world = await OdooWorld.StartAsync(o => { o.AddWarehouse("WH1", "Main"); seed = o.SeedCatalog(2, 10m, 5m); }, OneConnection, 2);
        await world.LoadCatalogAsync(TimeSpan.FromSeconds(60));
        await Until.TrueAsync(() => Task.FromResult(world.Cartona["cartona"].Catalog.TryGet("2")?.SellingPrice == "10.0"), TimeSpan.FromSeconds(30), "initial price");

        await world.Odoo.SetListPriceAsync(seed.TemplateIds[0], 99m, WebhookMode.Rollback);
        await world.Odoo.SetListPriceAsync(seed.TemplateIds[1], 42m);   // a committed change after it
        await Until.TrueAsync(() => Task.FromResult(world.Cartona["cartona"].Catalog.TryGet("2")?.SellingPrice == "42.0"), TimeSpan.FromSeconds(30), "committed change");
        // The first read and the settle re-read (after the commit would have landed) both ran.
        await Until.TrueAsync(() => Task.FromResult(world.Service.Log.Lines.Count(l => l.Contains("Odoo changes fed")) >= 2), TimeSpan.FromSeconds(10), "settle re-read");
        Assert.Contains(world.Odoo.WebhookDeliveries, d => d.Mode == WebhookMode.Rollback);
        Assert.Equal("10.0", world.Cartona["cartona"].Catalog.TryGet("1")!.SellingPrice);
        Assert.DoesNotContain(world.Cartona["cartona"].Calls, c => c.Body?.Contains("99") == true);
    }

    [Fact]
    public async Task A_change_whose_webhook_was_lost_reaches_the_marketplace_through_the_poller()
    {
        OdooSeed seed = null!;
        long wh = 0;
        await using var world = await OdooWorld.StartAsync(o => { wh = o.AddWarehouse("WH1", "Main"); seed = o.SeedCatalog(5, 10m, 5m); }, OneConnection, 5);
        await world.LoadCatalogAsync(TimeSpan.FromSeconds(60));
        await Until.TrueAsync(() => Task.FromResult(world.Cartona["cartona"].Catalog.TryGet("3")?.AvailableStockQuantity == 5), TimeSpan.FromSeconds(30), "initial stock");

        await world.Odoo.SetListPriceAsync(seed.TemplateIds[2], 31m, WebhookMode.Lost);
        await world.Odoo.ReserveAsync(seed.VariantIds[2], wh, 4, WebhookMode.Lost);
        // An attribute's extra price moves only its product.template.attribute.value, never the variant's write_date.
        await world.Odoo.SetPriceExtraAsync(seed.VariantIds[3], 2.5m, WebhookMode.Lost);
        Assert.DoesNotContain(world.Odoo.WebhookDeliveries, d => d.Mode == WebhookMode.Lost);
        await Until.TrueAsync(() => Task.FromResult(world.Cartona["cartona"].Catalog.TryGet("3") is { SellingPrice: "31.0", AvailableStockQuantity: 1 }
                                               && world.Cartona["cartona"].Catalog.TryGet("4") is { SellingPrice: "12.5" }),
            TimeSpan.FromSeconds(30), "changes via the poller");
    }

    [Fact]
    public async Task A_variant_archived_or_taken_off_sale_in_Odoo_is_unpublished_with_no_stock_and_published_again_when_restored()
    {
        OdooSeed seed = null!;
        await using var world = await OdooWorld.StartAsync(o => { o.AddWarehouse("WH1", "Main"); seed = o.SeedCatalog(3, 10m, 5m); }, OneConnection, 3);
        await world.LoadCatalogAsync(TimeSpan.FromSeconds(60));
        var cartona = world.Cartona["cartona"].Catalog;
        await Until.TrueAsync(() => Task.FromResult(cartona.TryGet("1")?.AvailableStockQuantity == 5 && cartona.TryGet("2")?.AvailableStockQuantity == 5),
            TimeSpan.FromSeconds(30), "initial stock");

        await world.Odoo.SetActiveAsync("product.product", seed.VariantIds[0], false);
        await world.Odoo.WriteAsync("product.template", [seed.TemplateIds[1]], new Dictionary<string, object?> { ["sale_ok"] = false });
        // Forgetting the listing alone would leave both on sale on Cartona with 5 in stock.
        await Until.TrueAsync(() => Task.FromResult(cartona.TryGet("1") is { IsPublished: false, AvailableStockQuantity: 0, OnSale: false }
                                               && cartona.TryGet("2") is { IsPublished: false, AvailableStockQuantity: 0 }),
            TimeSpan.FromSeconds(30), "archived and unsaleable variants unpublished with no stock");
        Assert.Equal("10.0", cartona.TryGet("1")!.SellingPrice); // its price is left as it was

        await world.Odoo.SetActiveAsync("product.product", seed.VariantIds[0], true);
        await Until.TrueAsync(() => Task.FromResult(cartona.TryGet("1") is { IsPublished: true, AvailableStockQuantity: 5 }),
            TimeSpan.FromSeconds(30), "restored variant published again with its stock");
        Assert.True(cartona.TryGet("3")!.OnSale);
    }

    [Fact]
    public async Task Two_connections_scoped_to_two_warehouses_each_receive_their_own_warehouses_free_quantity()
    {
        var connections = new Dictionary<string, string[]> { ["cairo"] = ["CAI"], ["alex"] = ["ALX"] };
        OdooSeed seed = null!;
        long cai = 0, alx = 0;
        await using var world = await OdooWorld.StartAsync(o =>
        {
            cai = o.AddWarehouse("CAI", "Cairo");
            alx = o.AddWarehouse("ALX", "Alexandria");
            seed = o.SeedCatalog(3, 10m);
        }, connections, 3);
        await world.Odoo.SetStockAsync(seed.VariantIds[0], cai, 7);
        await world.Odoo.SetStockAsync(seed.VariantIds[0], alx, 3, reserved: 1);
        await world.LoadCatalogAsync(TimeSpan.FromSeconds(60));

        await Until.TrueAsync(() => Task.FromResult(
            world.Cartona["cairo"].Catalog.TryGet("1") is { AvailableStockQuantity: 7, SellingPrice: "10.0" } &&
            world.Cartona["alex"].Catalog.TryGet("1") is { AvailableStockQuantity: 2, SellingPrice: "10.0" }), TimeSpan.FromSeconds(30), "per-warehouse stock");

        await world.Odoo.SetStockAsync(seed.VariantIds[0], alx, 9);
        await Until.TrueAsync(() => Task.FromResult(world.Cartona["alex"].Catalog.TryGet("1")?.AvailableStockQuantity == 9), TimeSpan.FromSeconds(30), "alex stock change");
        Assert.Equal(7, world.Cartona["cairo"].Catalog.TryGet("1")!.AvailableStockQuantity);
    }

    [Fact]
    public async Task Hundreds_of_webhooks_within_the_window_become_a_few_batched_reads()
    {
        await using var world = await OdooWorld.StartAsync(o => { o.AddWarehouse("WH1", "Main"); o.SeedCatalog(500, 10m, 5m); }, OneConnection, 500);
        world.Odoo.ClearCalls();
        await Parallel.ForEachAsync(Enumerable.Range(1, 500), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, ct) =>
        {
            using var r = await world.Service.Http.PostAsync($"/webhooks/odoo?token={OdooWorld.WebhookSecret}",
                new StringContent($"{{\"_model\":\"product.product\",\"_id\":{id},\"_action\":\"Push(#57)\"}}", Encoding.UTF8, "application/json"), ct);
            Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
        });
        await Until.TrueAsync(() => Task.FromResult(world.Cartona["cartona"].Catalog.All().Count(p => p.SellingPrice == "10.0") == 500), TimeSpan.FromSeconds(30), "500 products pushed");
        var variantReads = world.Odoo.Calls.Count(c => c.Model == "product.product" && c.Method is "read" or "search_read");
        output.WriteLine($"500 webhooks -> {variantReads} product.product reads");
        Assert.True(variantReads <= 20, $"{variantReads} reads of product.product for 500 webhooks: not batched");
    }
}
