using System.Net.Http.Json;
using System.Text.Json;
using CartonaActors.Erp;
using CartonaActors.Sandbox.Cartona;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Service.Tests;

/// <summary>Emulated Odoo 18 -> the real service -> emulated Cartona accounts, all over loopback HTTP.</summary>
public sealed class OdooWorld : IAsyncDisposable
{
    public const string ApiKey = "odoo-key-0f3c9b1e7d2a";
    public const string Login = "sync@example.com";
    public const string WebhookSecret = "hook-secret-8c1d";
    public const string CartonaToken = "odoo-world-cartona-token";

    private readonly IDictionary<string, string?> _settings;
    private readonly Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? _customize;

    private OdooWorld(OdooEmulator odoo, IReadOnlyDictionary<string, CartonaEmulator> cartona, TestService service, IDictionary<string, string?> settings,
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? customize)
    {
        _settings = settings;
        _customize = customize;
        Odoo = odoo;
        Cartona = cartona;
        Service = service;
        Reader = new OdooCatalog(new OdooJsonRpcTransport(Settings(odoo)), Settings(odoo));
    }

    public OdooEmulator Odoo { get; }
    public IReadOnlyDictionary<string, CartonaEmulator> Cartona { get; }
    public TestService Service { get; private set; }

    /// <summary>Reads Odoo's truth over JSON-RPC, independent of the service.</summary>
    public OdooCatalog Reader { get; }

    public string WebhookUrl => $"{Service.Http.BaseAddress}webhooks/odoo?token={WebhookSecret}";

    /// <param name="connections">Connection name -> warehouse codes it sells from.</param>
    /// <param name="odooOptions">Changes to the emulator's options (its version…).</param>
    /// <param name="presetWebhooks">Odoo posts every product and order change to the service from the start, as if
    /// its rules had been set up by hand; false: only the rules made over JSON-RPC post.</param>
    /// <param name="customize">More for the service's host before it is built (an in-memory trace exporter).</param>
    public static async Task<OdooWorld> StartAsync(Action<OdooEmulator> seed, IReadOnlyDictionary<string, string[]> connections,
        int cartonaProducts, Dictionary<string, string?>? extra = null, Action<OdooEmulatorOptions>? odooOptions = null,
        bool presetWebhooks = true, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? customize = null)
    {
        var options = new OdooEmulatorOptions { Database = "erp", Users = { new OdooUser(2, Login, ApiKey) } };
        odooOptions?.Invoke(options);
        var odoo = await OdooEmulator.StartAsync(options);
        seed(odoo);
        var cartona = new Dictionary<string, CartonaEmulator>();
        var settings = new Dictionary<string, string?>
        {
            ["CartonaActors:Persistence:Provider"] = "Sqlite",
            ["CartonaActors:Persistence:ConnectionString"] =
                $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("cartona-odoo-").FullName, "journal.db")}",
            ["CartonaActors:Odoo:Url"] = odoo.BaseUrl,
            ["CartonaActors:Odoo:Database"] = "erp",
            ["CartonaActors:Odoo:Login"] = Login,
            ["CartonaActors:Odoo:ApiKey"] = ApiKey,
            ["CartonaActors:ErpSync:WebhookSecret"] = WebhookSecret,
            ["CartonaActors:ErpSync:SettleDelay"] = "00:00:00.5",
            ["CartonaActors:ErpSync:PollInterval"] = "00:00:01",
            ["CartonaActors:ErpSync:PollOverlap"] = "00:00:30",
        };
        var n = 0;
        foreach (var (name, warehouses) in connections)
        {
            var emulator = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions
            {
                Tokens = new HashSet<string> { CartonaToken }, RecordRequestBodies = false,
                RequestsPerSecond = double.Parse(extra?.GetValueOrDefault("cartona:rate") ?? "5", System.Globalization.CultureInfo.InvariantCulture),
                Burst = int.Parse(extra?.GetValueOrDefault("cartona:burst") ?? "10", System.Globalization.CultureInfo.InvariantCulture),
            });
            emulator.Catalog.Seed(Enumerable.Range(1, cartonaProducts).Select(i => ((long)(700_000 + i), i.ToString())));
            cartona[name] = emulator;
            settings[$"CartonaActors:Connections:{n}:Name"] = name;
            settings[$"CartonaActors:Connections:{n}:Platform"] = "cartona";
            settings[$"CartonaActors:Connections:{n}:BaseUrl"] = emulator.BaseUrl;
            settings[$"CartonaActors:Connections:{n}:Token"] = CartonaToken;
            for (var w = 0; w < warehouses.Length; w++) settings[$"CartonaActors:Connections:{n}:Warehouses:{w}"] = warehouses[w];
            n++;
        }
        foreach (var (k, v) in extra ?? []) if (!k.StartsWith("cartona:", StringComparison.Ordinal)) settings[k] = v;
        var service = await TestService.StartAsync(settings, customize);
        var world = new OdooWorld(odoo, cartona, service, settings, customize);
        if (presetWebhooks)
            foreach (var model in new[] { "product.product", "product.template", "product.template.attribute.value", "stock.quant", "sale.order", "stock.picking" })
                odoo.WebhookTargets[model] = new OdooWebhookTarget(world.WebhookUrl);
        return world;
    }

    /// <summary>Stops the service and starts it again with the same settings (on the same journal, which the
    /// caller makes a file of its own through <c>CartonaActors:Persistence:ConnectionString</c>).</summary>
    public async Task RestartServiceAsync()
    {
        await Service.DisposeAsync();
        Service = await TestService.StartAsync(_settings, _customize);
        // The new service listens on another port: Odoo's webhooks follow it.
        foreach (var model in Odoo.WebhookTargets.Keys.ToList()) Odoo.WebhookTargets[model] = new OdooWebhookTarget(WebhookUrl);
    }

    private static OdooSettings Settings(OdooEmulator odoo) => new() { Url = odoo.BaseUrl, Database = "erp", Login = Login, ApiKey = ApiKey };

    /// <summary>Starts the full catalog load and waits until it reports done.</summary>
    public async Task<JsonElement> LoadCatalogAsync(TimeSpan within)
    {
        (await Service.Http.PostAsync("/api/erp/catalog-load", null)).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var progress = await Service.Http.GetFromJsonAsync<JsonElement>("/api/erp/catalog-load");
            if (!progress.GetProperty("running").GetBoolean() && progress.GetProperty("completedAt").ValueKind != JsonValueKind.Null) return progress;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"catalog load not done within {within}: {progress}");
            await Task.Delay(200);
        }
    }

    /// <summary>Cartona values each connection should show, computed from Odoo's own answers.</summary>
    public async Task<Dictionary<string, Dictionary<string, (string Price, int Qty)>>> ExpectedAsync(IReadOnlyDictionary<string, string[]> connections)
    {
        var variants = new List<OdooVariant>();
        for (long after = 0; ;)
        {
            var page = await Reader.ReadVariantsAfterAsync(after, 1000, CancellationToken.None);
            if (page.Count == 0) break;
            variants.AddRange(page);
            after = page[^1].Id;
        }
        var ids = variants.Select(v => v.Id).ToList();
        var warehouses = await Reader.ReadWarehousesAsync(CancellationToken.None);
        var freeByCode = new Dictionary<string, IReadOnlyDictionary<long, decimal>>();
        foreach (var w in warehouses) freeByCode[w.Code] = await Reader.ReadFreeQuantitiesAsync(ids, w.Id, CancellationToken.None);
        return connections.ToDictionary(c => c.Key, c => variants.Where(v => v.Active && v.SaleOk).ToDictionary(
            v => v.Id.ToString(),
            v =>
            {
                var sum = c.Value.Sum(code => freeByCode[code].GetValueOrDefault(v.Id));
                return (Price(v.LstPrice), (int)Math.Max(0, decimal.Truncate(sum)));
            }));
    }

    public static string Price(decimal value)
    {
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return text.Contains('.') ? text : text + ".0";
    }

    public int Mismatches(string connection, IReadOnlyDictionary<string, (string Price, int Qty)> expected) =>
        expected.Count(e => Cartona[connection].Catalog.TryGet(e.Key) is not { } shown
                            || shown.SellingPrice is null
                            || decimal.Parse(shown.SellingPrice, System.Globalization.CultureInfo.InvariantCulture) != decimal.Parse(e.Value.Price, System.Globalization.CultureInfo.InvariantCulture)
                            || shown.AvailableStockQuantity != e.Value.Qty);

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        foreach (var c in Cartona.Values) await c.DisposeAsync();
        await Odoo.DisposeAsync();
    }
}
