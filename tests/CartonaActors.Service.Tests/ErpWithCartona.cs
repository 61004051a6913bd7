using System.Globalization;
using CartonaActors.Sandbox.Cartona;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Service.Tests;

/// <summary>
/// An emulated Odoo 18 (one warehouse, a seeded catalog) and a Cartona account holding every seeded variant, for
/// specs that put a second marketplace beside Cartona: the service is started on one journal across restarts with
/// Cartona as connection 0 and the second marketplace's keys as connection 1, and Odoo's webhooks point at it.
/// </summary>
public sealed class ErpWithCartona : IAsyncDisposable
{
    public const string Warehouse = "WH1";
    private readonly string _journal;

    private ErpWithCartona(OdooEmulator odoo, long warehouseId, OdooSeed seed, CartonaEmulator cartona, string journal)
    {
        (Odoo, WarehouseId, Seed, Cartona, _journal) = (odoo, warehouseId, seed, cartona, journal);
    }

    public OdooEmulator Odoo { get; }
    public long WarehouseId { get; }
    public OdooSeed Seed { get; }
    public CartonaEmulator Cartona { get; }

    /// <summary>Variants priced 10 with 100 free in the warehouse.</summary>
    public static async Task<ErpWithCartona> StartAsync(int variants)
    {
        var odoo = await OdooEmulator.StartAsync(new OdooEmulatorOptions { Database = "erp", Users = { new OdooUser(2, OdooWorld.Login, OdooWorld.ApiKey) } });
        var warehouse = odoo.AddWarehouse(Warehouse, "Main");
        var seed = odoo.SeedCatalog(variants, 10m, 100m);
        var cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions
        {
            Tokens = new HashSet<string> { OdooWorld.CartonaToken }, RequestsPerSecond = 50, Burst = 20, RecordRequestBodies = false,
        });
        cartona.Catalog.Seed(seed.VariantIds.Select(v => (700_000 + v, v.ToString(CultureInfo.InvariantCulture))));
        var journal = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("cartona-two-markets-").FullName, "journal.db")}";
        return new ErpWithCartona(odoo, warehouse, seed, cartona, journal);
    }

    /// <summary>Starts the service on this world's journal; <paramref name="second"/> are connection 1's keys
    /// (without the <c>CartonaActors:Connections:1:</c> prefix).</summary>
    public async Task<TestService> StartServiceAsync(IReadOnlyDictionary<string, string?> second)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CartonaActors:Persistence:Provider"] = "Sqlite",
            ["CartonaActors:Persistence:ConnectionString"] = _journal,
            ["CartonaActors:Odoo:Url"] = Odoo.BaseUrl,
            ["CartonaActors:Odoo:Database"] = "erp",
            ["CartonaActors:Odoo:Login"] = OdooWorld.Login,
            ["CartonaActors:Odoo:ApiKey"] = OdooWorld.ApiKey,
            ["CartonaActors:ErpSync:WebhookSecret"] = OdooWorld.WebhookSecret,
            ["CartonaActors:ErpSync:SettleDelay"] = "00:00:00.5",
            ["CartonaActors:ErpSync:PollInterval"] = "00:00:01",
            ["CartonaActors:Sync:RetryMaxBackoff"] = "00:00:01",
            ["CartonaActors:Connections:0:Name"] = "cartona",
            ["CartonaActors:Connections:0:Platform"] = "cartona",
            ["CartonaActors:Connections:0:BaseUrl"] = Cartona.BaseUrl,
            ["CartonaActors:Connections:0:Token"] = OdooWorld.CartonaToken,
            ["CartonaActors:Connections:0:PullOrders"] = "false",
        };
        foreach (var (key, value) in second) settings["CartonaActors:Connections:1:" + key] = value;
        var service = await TestService.StartAsync(settings);
        foreach (var model in new[] { "product.product", "product.template", "stock.quant", "sale.order", "stock.picking" })
            Odoo.WebhookTargets[model] = new OdooWebhookTarget($"{service.Http.BaseAddress}webhooks/odoo?token={OdooWorld.WebhookSecret}");
        return service;
    }

    public string VariantId(int n) => Seed.VariantIds[n].ToString(CultureInfo.InvariantCulture);

    public bool CartonaShows(int n, string price, int qty) =>
        Cartona.Catalog.TryGet(VariantId(n)) is { } p && p.SellingPrice == price && p.AvailableStockQuantity == qty;

    /// <summary>The sale orders whose <c>client_order_ref</c> is the given one.</summary>
    public IReadOnlyList<OdooSaleOrderRecord> SaleOrders(string clientOrderRef) =>
        Odoo.SaleOrders().Where(s => s.ClientOrderRef == clientOrderRef).ToList();

    /// <summary>The end every marketplace's order spec reaches: one sale order each under the connection's prefix and
    /// no others, one partner for the buyer, the shipped order's two lines (2 of the first variant) and only the
    /// cancelled order cancelled.</summary>
    public void AssertOrdersImported(string connection, IReadOnlyList<string> orderIds, string partnerRef, string shipped, string cancelled)
    {
        foreach (var order in orderIds) Assert.Single(SaleOrders(connection + "/" + order));
        Assert.Equal(orderIds.Count, Odoo.SaleOrders().Count(s => s.ClientOrderRef!.StartsWith(connection + "/", StringComparison.Ordinal)));
        var partner = Assert.Single(Odoo.Partners(), p => p.Ref == partnerRef);
        Assert.Contains("Mona", partner.Name);
        var lines = SaleOrders(connection + "/" + shipped).Single().Lines;
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.ProductId == Seed.VariantIds[0] && l.Quantity == 2);
        Assert.Equal("cancel", SaleOrders(connection + "/" + cancelled).Single().State);
        Assert.NotEqual("cancel", SaleOrders(connection + "/" + shipped).Single().State);
    }

    public static Task UntilAsync(Func<bool> condition, string what, int seconds = 30) =>
        Until.TrueAsync(() => Task.FromResult(condition()), TimeSpan.FromSeconds(seconds), what);

    public async ValueTask DisposeAsync()
    {
        await Cartona.DisposeAsync();
        await Odoo.DisposeAsync();
    }
}
