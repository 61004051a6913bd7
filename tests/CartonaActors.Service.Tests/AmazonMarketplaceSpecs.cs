using System.Net;
using CartonaActors.Sandbox.Amazon;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Service.Tests;

/// <summary>
/// Emulated Odoo 18 -> the real service -> a Cartona account and an Amazon seller account at once: Amazon's orders,
/// pulled again and again and across a restart on one journal, become one confirmed sale order each for one partner
/// per buyer; a delivery validated in Odoo confirms the shipment on Amazon, an Odoo cancellation is an
/// acknowledgement feed, and Amazon's own cancellation cancels the Odoo order. searchOrders shows only orders
/// changed at least two minutes ago, so the emulator's clock (only the emulator's) is moved past that.
/// </summary>
public sealed class AmazonMarketplaceSpecs : IAsyncLifetime
{
    private const string RefreshToken = "Atzr|service-spec-refresh-3f9a";
    private const string ClientSecret = "amzn-service-spec-secret-77c2";
    private const int Variants = 4;
    private readonly SteppedClock _clock = new(DateTimeOffset.UtcNow);
    private ErpWithCartona _erp = null!;
    private AmazonEmulator _amazon = null!;

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private long _offset;
        private readonly TimeSpan _from = start - DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _from + TimeSpan.FromTicks(Interlocked.Read(ref _offset));
        public void Advance(TimeSpan by) => Interlocked.Add(ref _offset, by.Ticks);
    }

    public async Task InitializeAsync()
    {
        _erp = await ErpWithCartona.StartAsync(Variants);
        _amazon = await AmazonEmulator.StartAsync(new AmazonEmulatorOptions
        {
            RefreshTokens = new HashSet<string> { RefreshToken }, ClientSecret = ClientSecret, Clock = _clock, FeedStepDelay = TimeSpan.FromMilliseconds(100),
        });
        // SeedCatalog gives the variants default codes SKU-1..N: the seller SKUs of the Amazon listings.
        for (var i = 1; i <= Variants; i++) _amazon.Catalog.AddListing($"SKU-{i}", 1m, 0);
    }

    public async Task DisposeAsync()
    {
        await _amazon.DisposeAsync();
        await _erp.DisposeAsync();
    }

    private Task<TestService> StartServiceAsync() => _erp.StartServiceAsync(new Dictionary<string, string?>
    {
        ["Name"] = "amz",
        ["Platform"] = "amazon",
        ["BaseUrl"] = _amazon.BaseUrl,
        ["Token"] = RefreshToken,
        ["ListingSource"] = "Sku",
        ["Settings:ClientId"] = _amazon.Options.ClientId,
        ["Settings:ClientSecret"] = ClientSecret,
        ["Settings:TokenUrl"] = _amazon.TokenUrl,
        ["Settings:SellerId"] = _amazon.Options.SellerId,
        ["Settings:MarketplaceId"] = _amazon.Options.MarketplaceId,
        ["Settings:FeedPollInterval"] = "00:00:00.2",
        // The spec pulls when it wants to; a long interval keeps the scheduled polls out of its counts.
        ["OrderPullInterval"] = "00:10:00",
    });

    private static Task UntilAsync(Func<bool> condition, string what) => ErpWithCartona.UntilAsync(condition, what);

    private IReadOnlyList<OdooSaleOrderRecord> For(string orderId) => _erp.SaleOrders("amz/" + orderId);

    /// <summary>Past Amazon's two minutes, then one pull answered.</summary>
    private async Task PullAsync(TestService service)
    {
        _clock.Advance(TimeSpan.FromMinutes(3));
        var pulls = _amazon.Calls.Count(c => c.Operation == "searchOrders" && c.Status == 200);
        Assert.Equal(HttpStatusCode.Accepted, (await service.Http.PostAsync("/api/connections/amz/pull-orders", null)).StatusCode);
        await UntilAsync(() => _amazon.Calls.Count(c => c.Operation == "searchOrders" && c.Status == 200) > pulls, "a searchOrders answered");
    }

    [Fact]
    public async Task Amazon_orders_become_one_confirmed_sale_order_each_across_pulls_and_a_restart_and_statuses_flow_both_ways()
    {
        var buyer = new AmazonBuyer("Mona Adel", "mona-anon@marketplace.amazon.com");
        string shipped, cancelledInErp, cancelledByAmazon;

        await using (var service = await StartServiceAsync())
        {
            shipped = _amazon.Orders.Place(buyer, new AmazonAddress("Mona Adel", "1 Nile St", "Cairo", "EG", "+201000000001"),
                new AmazonOrderLine("SKU-1", 2, 10m), new AmazonOrderLine("SKU-2", 1, 10m));
            cancelledInErp = _amazon.Orders.Place(buyer, null, new AmazonOrderLine("SKU-3", 1, 10m));
            cancelledByAmazon = _amazon.Orders.Place(buyer, null, new AmazonOrderLine("SKU-4", 3, 10m));
            var orders = new[] { shipped, cancelledInErp, cancelledByAmazon };
            await PullAsync(service);
            await UntilAsync(() => orders.All(o => For(o).Count == 1), "the three orders in the ERP");
            // Read again: still one sale order each.
            await PullAsync(service);

            // An UNSHIPPED order is paid and the seller's to ship: the import confirms it.
            await UntilAsync(() => orders.All(o => For(o).Single().State == "sale"), "the orders confirmed in the ERP");

            // ERP -> Amazon: delivery validated -> confirmShipment; cancelled -> an order acknowledgement feed.
            await _erp.Odoo.ValidateDeliveryAsync(For(shipped).Single().Id);
            await _erp.Odoo.CancelSaleOrderAsync(For(cancelledInErp).Single().Id);
            await UntilAsync(() => _amazon.Orders.Get(shipped)!.Status == "SHIPPED", "shipped on Amazon");
            await UntilAsync(() => _amazon.Orders.Get(cancelledInErp)!.Status == "CANCELLED", "cancelled on Amazon");
        }

        // Amazon -> ERP while the service is down; a new node on the same journal catches up.
        _amazon.Orders.CancelByAmazon(cancelledByAmazon);
        var late = _amazon.Orders.Place(buyer, null, new AmazonOrderLine("SKU-1", 1, 10m));
        await using var again = await StartServiceAsync();
        await PullAsync(again);
        await UntilAsync(() => For(late).Count == 1, "the order placed during the restart");
        await UntilAsync(() => For(cancelledByAmazon).Single().State == "cancel", "Amazon's cancellation in the ERP");
        await PullAsync(again);

        _erp.AssertOrdersImported("amz", new[] { shipped, cancelledInErp, cancelledByAmazon, late }, "amazon_amz_mona-anon@marketplace.amazon.com", shipped, cancelledInErp);
        Assert.Equal(1, _amazon.Orders.Get(shipped)!.Shipments);
        Assert.True(_amazon.Orders.Get(cancelledInErp)!.CancelledBySeller);
    }
}
