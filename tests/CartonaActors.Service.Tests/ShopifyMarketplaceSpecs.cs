using System.Net;
using System.Text;
using CartonaActors.Sandbox.Odoo;
using CartonaActors.Sandbox.Shopify;

namespace CartonaActors.Service.Tests;

/// <summary>
/// Emulated Odoo 18 -> the real service -> a Cartona account and a Shopify shop at once: one ERP product listed on
/// both gets each change on both (Shopify's by SKU, at the location its warehouse maps to); Shopify's orders,
/// announced by signed webhooks delivered twice and read by poll too, become one sale order each, also across a
/// restart; fulfilment and cancellation flow both ways.
/// </summary>
public sealed class ShopifyMarketplaceSpecs : IAsyncLifetime
{
    private const string ShopToken = "shpat_service_spec_4d1e";
    private const string ShopSecret = "shpss_service_spec_9a7b";
    private const int Variants = 4;
    private ErpWithCartona _erp = null!;
    private ShopifyEmulator _shop = null!;
    private string _location = "";

    public async Task InitializeAsync()
    {
        _erp = await ErpWithCartona.StartAsync(Variants);
        _shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions
        {
            AccessTokens = new HashSet<string> { ShopToken }, ClientSecret = ShopSecret, DuplicateWebhooks = true, ReorderWebhooks = true,
        });
        _location = _shop.Catalog.AddLocation("Cairo warehouse");
        _shop.Catalog.AddProduct("Seeded", Enumerable.Range(1, Variants).Select(i => ($"SKU-{i}", (string?)null, 1m)).ToArray());
    }

    public async Task DisposeAsync()
    {
        await _shop.DisposeAsync();
        await _erp.DisposeAsync();
    }

    private async Task<TestService> StartServiceAsync()
    {
        var service = await _erp.StartServiceAsync(new Dictionary<string, string?>
        {
            ["Name"] = "shop",
            ["Platform"] = "shopify",
            ["BaseUrl"] = _shop.BaseUrl,
            ["Token"] = ShopToken,
            ["ListingSource"] = "Sku",
            ["LocationByWarehouse:" + ErpWithCartona.Warehouse] = _location,
            ["Settings:ClientSecret"] = ShopSecret,
            // Polls are the backstop; a long interval leaves the webhooks to announce the orders.
            ["OrderPullInterval"] = "00:10:00",
        });
        _shop.Options.WebhookUrl = $"{service.Http.BaseAddress}webhooks/marketplaces/shop";
        return service;
    }

    private static Task UntilAsync(Func<bool> condition, string what) => ErpWithCartona.UntilAsync(condition, what);

    private bool CartonaShows(int n, string price, int qty) => _erp.CartonaShows(n, price, qty);

    private bool ShopShows(int n, decimal price, int qty) =>
        _shop.Catalog.Variant($"SKU-{n + 1}") is { } v && v.Price == price && v.AvailableByLocation.GetValueOrDefault(_location) == qty;

    [Fact]
    public async Task One_erp_product_listed_on_cartona_and_shopify_gets_each_change_on_both()
    {
        await using var service = await StartServiceAsync();
        (await service.Http.PostAsync("/api/erp/catalog-load", null)).EnsureSuccessStatusCode();
        await UntilAsync(() => Enumerable.Range(0, Variants).All(n => CartonaShows(n, "10.0", 100) && ShopShows(n, 10m, 100)), "catalog on both");

        await _erp.Odoo.SetListPriceAsync(_erp.Seed.TemplateIds[1], 17.5m);
        await _erp.Odoo.SetStockAsync(_erp.Seed.VariantIds[1], _erp.WarehouseId, 42m);
        await UntilAsync(() => CartonaShows(1, "17.5", 42) && ShopShows(1, 17.5m, 42), "the change on both");
        Assert.True(ShopShows(0, 10m, 100));
        Assert.True(_shop.Counters.LowestAvailable >= 0);

        using var test = await service.Http.PostAsync("/api/connections/shop/test", null);
        Assert.Contains("\"ok\":true", await test.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_forged_webhook_is_refused_with_401_and_starts_nothing()
    {
        await using var service = await StartServiceAsync();
        var body = "{\"id\":1,\"admin_graphql_api_id\":\"gid://shopify/Order/1\"}";
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/webhooks/marketplaces/shop") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        forged.Headers.Add("X-Shopify-Topic", "orders/create");
        forged.Headers.Add("X-Shopify-Webhook-Id", "forged-1");
        forged.Headers.Add("X-Shopify-Hmac-SHA256", Convert.ToBase64String(new byte[32]));
        var calls = _shop.Calls.Count;

        using var answer = await service.Http.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains("\"error\"", await answer.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_shop.Calls.Skip(calls), c => c.Operations.Contains("orders"));
    }

    [Fact]
    public async Task Shopify_orders_become_one_sale_order_each_by_webhook_poll_and_restart_and_statuses_flow_both_ways()
    {
        var buyer = new ShopifyCustomer(7001, "mona@example.com", "+201000000001", "Mona", "Adel");
        IReadOnlyList<OdooSaleOrderRecord> For(string gid) =>
            _erp.SaleOrders("shop/" + gid[(gid.LastIndexOf('/') + 1)..]);
        string shipped, cancelledInErp, cancelledInShop;

        await using (var service = await StartServiceAsync())
        {
            // Announced by webhooks (each delivered twice, newest first): no poll is due for ten minutes.
            shipped = _shop.Orders.Place(buyer, new ShopifyAddress("1 Nile St", "Cairo", "Egypt"),
                [new ShopifyOrderLine("SKU-1", 2, 10m), new ShopifyOrderLine("SKU-2", 1, 10m)]);
            cancelledInErp = _shop.Orders.Place(buyer, null, [new ShopifyOrderLine("SKU-3", 1, 10m)]);
            cancelledInShop = _shop.Orders.Place(buyer, null, [new ShopifyOrderLine("SKU-4", 3, 10m)]);
            await UntilAsync(() => new[] { shipped, cancelledInErp, cancelledInShop }.All(o => For(o).Count == 1), "the three orders in the ERP");
            await _shop.WebhooksDeliveredAsync();
            Assert.True(_shop.Webhooks.Count >= 6, $"{_shop.Webhooks.Count} webhook deliveries");

            // A poll reads the same orders again.
            var pulls = _shop.Calls.Count(c => c.Operations.Contains("orders"));
            Assert.Equal(HttpStatusCode.Accepted, (await service.Http.PostAsync("/api/connections/shop/pull-orders", null)).StatusCode);
            await UntilAsync(() => _shop.Calls.Count(c => c.Operations.Contains("orders")) > pulls, "the poll");

            // Shopify has no seller confirmation: an open order is confirmed in the ERP by the import itself.
            await UntilAsync(() => new[] { shipped, cancelledInErp, cancelledInShop }.All(o => For(o).Single().State == "sale"), "the orders confirmed in the ERP");

            // ERP -> Shopify: delivery validated -> fulfilled; cancelled -> orderCancel.
            await _erp.Odoo.ValidateDeliveryAsync(For(shipped).Single().Id);
            await _erp.Odoo.CancelSaleOrderAsync(For(cancelledInErp).Single().Id);
            await UntilAsync(() => _shop.Orders.Get(shipped)!.DisplayFulfillmentStatus == "FULFILLED", "fulfilled on Shopify");
            await UntilAsync(() => _shop.Orders.Get(cancelledInErp)!.CancelCalls >= 1, "cancel sent to Shopify");
        }

        // Shopify -> ERP while the service is down; a new node on the same journal catches up from its cursor.
        _shop.Orders.Cancel(cancelledInShop);
        var late = _shop.Orders.Place(buyer, null, [new ShopifyOrderLine("SKU-1", 1, 10m)]);
        await using var again = await StartServiceAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await again.Http.PostAsync("/api/connections/shop/pull-orders", null)).StatusCode);
        await UntilAsync(() => For(late).Count == 1, "the order placed during the restart");
        await UntilAsync(() => For(cancelledInShop).Single().State == "cancel", "the shop's cancellation in the ERP");
        await UntilAsync(() => _shop.Orders.Get(cancelledInErp)!.CancelledAt is not null, "cancelled on Shopify");

        foreach (var order in new[] { shipped, cancelledInErp, cancelledInShop, late }) Assert.Single(For(order));
        Assert.Equal(4, _erp.Odoo.SaleOrders().Count(s => s.ClientOrderRef!.StartsWith("shop/", StringComparison.Ordinal)));
        var partner = Assert.Single(_erp.Odoo.Partners(), p => p.Ref == "shopify_shop_7001");
        Assert.Contains("Mona", partner.Name);
        var lines = For(shipped).Single().Lines;
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.ProductId == _erp.Seed.VariantIds[0] && l.Quantity == 2);
        Assert.Equal(1, _shop.Orders.Get(shipped)!.Fulfillments);
        Assert.Equal(1, _shop.Orders.Get(cancelledInErp)!.CancelCalls);
    }
}
