using System.Globalization;
using System.Net;
using CartonaActors.Sandbox.Odoo;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Service.Tests;

/// <summary>
/// Emulated Odoo 18 -> the real service -> a Cartona account and a generic REST marketplace at once, through the
/// same engine: one ERP change reaches both, a failing marketplace holds back only itself, and the REST
/// marketplace's orders (an "updated since" cursor, no acknowledgement) become one sale order each.
/// </summary>
public sealed class RestMarketplaceSpecs : IAsyncLifetime
{
    private const string RestToken = "rest-shop-token-51c2";
    private const int Variants = 5;
    private ErpWithCartona _erp = null!;
    private RestMarketplaceEmulator _rest = null!;

    public async Task InitializeAsync()
    {
        _erp = await ErpWithCartona.StartAsync(Variants);
        _rest = await RestMarketplaceEmulator.StartAsync(new RestMarketplaceEmulatorOptions
        {
            Tokens = new HashSet<string> { RestToken }, RequestsPerSecond = 50, Burst = 20,
        });
        _rest.Catalog.Seed(_erp.Seed.VariantIds.Select(v => v.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _rest.DisposeAsync();
        await _erp.DisposeAsync();
    }

    private Task<TestService> StartServiceAsync() => _erp.StartServiceAsync(new Dictionary<string, string?>
    {
        ["Name"] = "shop",
        ["Platform"] = "rest",
        ["BaseUrl"] = _rest.BaseUrl,
        ["Token"] = RestToken,
        // The shop sells at 10 % over the ERP price and keeps 5 units back.
        ["PriceMarkupPercent"] = "10",
        ["StockSafetyBuffer"] = "5",
        ["Settings:Currency"] = "EGP",
    });

    private static Task UntilAsync(Func<bool> condition, string what) => ErpWithCartona.UntilAsync(condition, what);

    private string Id(int n) => _erp.VariantId(n);

    private bool CartonaShows(int n, string price, int qty) => _erp.CartonaShows(n, price, qty);

    private bool ShopShows(int n, decimal price, int qty) =>
        _rest.Catalog.Get(Id(n)) is { } p && p.Price == price && p.AvailableAt() == qty;

    [Fact]
    public async Task One_erp_change_reaches_both_marketplaces_and_a_failing_one_holds_back_only_itself()
    {
        await using var service = await StartServiceAsync();
        (await service.Http.PostAsync("/api/erp/catalog-load", null)).EnsureSuccessStatusCode();
        // Cartona shows the ERP values; the shop its own rules: 10 % markup, 5 units kept back.
        await UntilAsync(() => Enumerable.Range(0, Variants).All(n => CartonaShows(n, "10.0", 100) && ShopShows(n, 11.00m, 95)), "catalog on both");

        _rest.Faults.Enqueue(new RestFault.ServerError(503), 100_000);
        await _erp.Odoo.SetListPriceAsync(_erp.Seed.TemplateIds[0], 20m);
        await UntilAsync(() => CartonaShows(0, "20.0", 100), "the change on Cartona while the shop fails");
        Assert.True(ShopShows(0, 11.00m, 95));
        await UntilAsync(() => _rest.Calls.Any(c => c.Status == 503), "a failed call to the shop");

        _rest.Faults.Clear();
        await UntilAsync(() => ShopShows(0, 22.00m, 95), "the change on the shop once it answers");
        // Every platform answers the connection test.
        foreach (var connection in new[] { "cartona", "shop" })
        {
            using var test = await service.Http.PostAsync($"/api/connections/{connection}/test", null);
            Assert.Contains("\"ok\":true", await test.Content.ReadAsStringAsync());
        }
        using var product = await service.Http.GetAsync($"/api/products/{Id(0)}");
        var body = await product.Content.ReadAsStringAsync();
        Assert.Contains("\"desired\"", body);
        Assert.Contains("\"price\":22.00", body);
    }

    [Fact]
    public async Task Rest_orders_become_one_sale_order_each_pulled_twice_and_after_a_restart_and_statuses_flow_both_ways()
    {
        var first = _rest.Orders.Place(new RestOrderSpec { Lines = [new RestOrderLineSpec(Id(0), 2, 11m), new RestOrderLineSpec(Id(1), 1, 11m)] });
        var second = _rest.Orders.Place(new RestOrderSpec
        {
            Customer = new RestCustomer("c_99", "Omar Said", "+201099"), Lines = [new RestOrderLineSpec(Id(2), 3, 11m)],
        });
        IReadOnlyList<OdooSaleOrderRecord> For(RestOrder o) => _erp.SaleOrders("shop/" + o.Id);

        await using (var service = await StartServiceAsync())
        {
            Assert.Equal(HttpStatusCode.Accepted, (await service.Http.PostAsync("/api/connections/shop/pull-orders", null)).StatusCode);
            await UntilAsync(() => For(first).Count == 1 && For(second).Count == 1, "both orders in the ERP");
            Assert.Equal(HttpStatusCode.Accepted, (await service.Http.PostAsync("/api/connections/shop/pull-orders", null)).StatusCode);
            await UntilAsync(() => _rest.Calls.Count(c => c.Path == "/v1/orders") >= 2, "second pull");

            // ERP -> shop: confirming the sale order confirms it on the shop.
            await _erp.Odoo.ConfirmSaleOrderAsync(For(first).Single().Id);
            await UntilAsync(() => _rest.Orders.Get(first.Id)!.Status == RestOrderStatus.Confirmed, "confirmed on the shop");
        }

        // A new node on the same journal pulls from its stored cursor, less the overlap: the same orders again.
        var third = _rest.Orders.Place(new RestOrderSpec { Lines = [new RestOrderLineSpec(Id(3), 1, 11m)] });
        _rest.Orders.CancelByBuyer(second.Id, "changed my mind");
        await using var again = await StartServiceAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await again.Http.PostAsync("/api/connections/shop/pull-orders", null)).StatusCode);
        await UntilAsync(() => For(third).Count == 1, "the new order in the ERP");
        // Shop -> ERP: the buyer's cancellation cancels the sale order.
        await UntilAsync(() => For(second).Single().State == "cancel", "cancelled in the ERP");

        Assert.Single(For(first));
        Assert.Single(For(second));
        Assert.Equal(3, _erp.Odoo.SaleOrders().Count(s => s.ClientOrderRef!.StartsWith("shop/", StringComparison.Ordinal)));
        var partner = Assert.Single(_erp.Odoo.Partners(), p => p.Ref == "retailer_shop_c_99");
        Assert.Equal("Omar Said", partner.Name);
        Assert.Equal(2, For(first).Single().Lines.Count);
        Assert.Equal(RestOrderStatus.Confirmed, _rest.Orders.Get(first.Id)!.Status);
    }
}
