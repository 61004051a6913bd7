using System.Net;
using CartonaActors.Sandbox.Ebay;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Service.Tests;

/// <summary>
/// Emulated Odoo 18 -> the real service -> a Cartona account and an eBay seller account at once: the catalog reaches
/// both (eBay's by SKU, the variants' default codes); eBay's orders, pulled again and again and across a restart on
/// one journal, become one confirmed sale order each for one partner per buyer; shipping and cancelling flow both ways.
/// </summary>
public sealed class EbayMarketplaceSpecs : IAsyncLifetime
{
    private const string RefreshToken = "v^1.1#i^1#r^1#service-spec-refresh-5b2e";
    private const string ClientSecret = "PRD-service-spec-cert-8c41";
    private const int Variants = 4;
    private ErpWithCartona _erp = null!;
    private EbayEmulator _bay = null!;

    public async Task InitializeAsync()
    {
        _erp = await ErpWithCartona.StartAsync(Variants);
        _bay = await EbayEmulator.StartAsync(new EbayEmulatorOptions { RefreshTokens = new HashSet<string> { RefreshToken }, ClientSecret = ClientSecret });
        // SeedCatalog gives the variants default codes SKU-1..N: the SKUs of the eBay inventory items.
        for (var i = 1; i <= Variants; i++) _bay.Catalog.AddItem($"SKU-{i}", 1m, 0);
    }

    public async Task DisposeAsync()
    {
        await _bay.DisposeAsync();
        await _erp.DisposeAsync();
    }

    private Task<TestService> StartServiceAsync() => _erp.StartServiceAsync(new Dictionary<string, string?>
    {
        ["Name"] = "bay",
        ["Platform"] = "ebay",
        ["BaseUrl"] = _bay.BaseUrl,
        ["Token"] = RefreshToken,
        ["ListingSource"] = "Sku",
        ["Settings:ClientId"] = _bay.Options.ClientId,
        ["Settings:ClientSecret"] = ClientSecret,
        ["Settings:TokenUrl"] = _bay.TokenUrl,
        // The spec pulls when it wants to; a long interval keeps the scheduled polls out of its counts.
        ["OrderPullInterval"] = "00:10:00",
    });

    private static Task UntilAsync(Func<bool> condition, string what) => ErpWithCartona.UntilAsync(condition, what);

    private bool BayShows(int n, decimal price, int qty) => _bay.Catalog.Item($"SKU-{n + 1}") is { } l && l.Price == price && l.Quantity == qty;

    private IReadOnlyList<OdooSaleOrderRecord> For(string orderId) => _erp.SaleOrders("bay/" + orderId);

    private async Task PullAsync(TestService service)
    {
        var pulls = _bay.Calls.Count(c => c.Path == "sell/fulfillment/v1/order" && c.Status == 200);
        Assert.Equal(HttpStatusCode.Accepted, (await service.Http.PostAsync("/api/connections/bay/pull-orders", null)).StatusCode);
        await UntilAsync(() => _bay.Calls.Count(c => c.Path == "sell/fulfillment/v1/order" && c.Status == 200) > pulls, "a getOrders answered");
    }

    [Fact]
    public async Task A_catalog_load_reaches_cartona_and_ebay_and_a_change_reaches_both()
    {
        await using var service = await StartServiceAsync();
        (await service.Http.PostAsync("/api/erp/catalog-load", null)).EnsureSuccessStatusCode();
        await UntilAsync(() => Enumerable.Range(0, Variants).All(n => _erp.CartonaShows(n, "10.0", 100) && BayShows(n, 10m, 100)), "catalog on both");

        await _erp.Odoo.SetListPriceAsync(_erp.Seed.TemplateIds[1], 17.5m);
        await _erp.Odoo.SetStockAsync(_erp.Seed.VariantIds[1], _erp.WarehouseId, 42m);
        await UntilAsync(() => _erp.CartonaShows(1, "17.5", 42) && BayShows(1, 17.5m, 42), "the change on both");
        Assert.True(BayShows(0, 10m, 100));

        using var test = await service.Http.PostAsync("/api/connections/bay/test", null);
        Assert.Contains("\"ok\":true", await test.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ebay_orders_become_one_confirmed_sale_order_each_across_pulls_and_a_restart_and_statuses_flow_both_ways()
    {
        var buyer = new EbayBuyer("mona_adel", "Mona Adel", "mona@example.com", "+201000000001");
        string shipped, cancelledInErp, cancelledByBuyer;

        await using (var service = await StartServiceAsync())
        {
            shipped = _bay.Orders.Place(buyer, new EbayAddress("Mona Adel", "1 Nile St", "Cairo", "EG"),
                new EbayOrderLine("SKU-1", 2, 10m), new EbayOrderLine("SKU-2", 1, 10m));
            cancelledInErp = _bay.Orders.Place(buyer, null, new EbayOrderLine("SKU-3", 1, 10m));
            cancelledByBuyer = _bay.Orders.Place(buyer, null, new EbayOrderLine("SKU-4", 3, 10m));
            var orders = new[] { shipped, cancelledInErp, cancelledByBuyer };
            await PullAsync(service);
            await UntilAsync(() => orders.All(o => For(o).Count == 1), "the three orders in the ERP");
            // Read again: still one sale order each.
            await PullAsync(service);

            // eBay has no seller confirmation: a paid, unshipped order (not_started) is confirmed by the import itself.
            await UntilAsync(() => orders.All(o => For(o).Single().State == "sale"), "the orders confirmed in the ERP");

            // ERP -> eBay: delivery validated -> a shipping fulfilment; cancelled -> a Post-Order cancellation.
            await _erp.Odoo.ValidateDeliveryAsync(For(shipped).Single().Id);
            await _erp.Odoo.CancelSaleOrderAsync(For(cancelledInErp).Single().Id);
            await UntilAsync(() => _bay.Orders.Get(shipped)!.FulfillmentStatus == "FULFILLED", "fulfilled on eBay");
            await UntilAsync(() => _bay.Orders.Get(cancelledInErp)!.CancelState == "CANCELED", "cancelled on eBay");
        }

        // eBay -> ERP while the service is down; a new node on the same journal catches up.
        _bay.Orders.CancelByBuyer(cancelledByBuyer);
        var late = _bay.Orders.Place(buyer, null, new EbayOrderLine("SKU-1", 1, 10m));
        await using var again = await StartServiceAsync();
        await PullAsync(again);
        await UntilAsync(() => For(late).Count == 1, "the order placed during the restart");
        await UntilAsync(() => For(cancelledByBuyer).Single().State == "cancel", "the buyer's cancellation in the ERP");
        await PullAsync(again);

        _erp.AssertOrdersImported("bay", new[] { shipped, cancelledInErp, cancelledByBuyer, late }, "ebay_bay_mona_adel", shipped, cancelledInErp);
        Assert.Equal(1, _bay.Orders.Get(shipped)!.Fulfillments);
        Assert.Equal(1, _bay.Orders.Get(cancelledInErp)!.CancelRequests);
    }
}
