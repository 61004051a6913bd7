using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CartonaActors.Sandbox.Cartona;
using CartonaActors.Sandbox.Odoo;
using CartonaActors.Service.Tests;

namespace CartonaActors.Cluster.Tests;

/// <summary>
/// Emulated Odoo 18 and Cartona hosted in the test process (the other side), and three real service processes
/// between them on loopback: seed nodes = the first two, one fresh PostgreSQL journal, one Cartona connection
/// selling warehouse WH1. Nodes keep their ports across restarts, as a StatefulSet's pods keep their names.
/// </summary>
public sealed class ClusterWorld : IAsyncDisposable
{
    public const int NodeCount = 3;
    private const string ApiKey = "odoo-key-5e1f0c2a9b7d";
    private const string Login = "sync@example.com";
    private const string WebhookSecret = "hook-secret-3f9a2c";
    private const string CartonaToken = "cluster-cartona-token-7d41";
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(120);

    private readonly ServiceProcess?[] _nodes = new ServiceProcess?[NodeCount];
    private readonly int[] _httpPorts;
    private readonly int[] _remotingPorts;
    private readonly ClusterDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private ClusterWorld(OdooEmulator odoo, CartonaEmulator cartona, long warehouse, OdooSeed seed, ClusterDatabase database,
        IReadOnlyDictionary<string, string?> extra, string logDir, TcpRelay? odooLink)
    {
        OdooLink = odooLink;
        Odoo = odoo;
        Cartona = cartona;
        Warehouse = warehouse;
        Seed = seed;
        _database = database;
        LogDir = logDir;
        var ports = FreePorts.Take(2 * NodeCount);
        _httpPorts = ports[..NodeCount];
        _remotingPorts = ports[NodeCount..];
        var settings = new Dictionary<string, string>
        {
            ["CartonaActors__LogLevel"] = "Information",
            ["CartonaActors__Cluster__Hostname"] = "127.0.0.1",
            ["CartonaActors__Cluster__SeedNodes__0"] = $"akka.tcp://cartona-actors@127.0.0.1:{_remotingPorts[0]}",
            ["CartonaActors__Cluster__SeedNodes__1"] = $"akka.tcp://cartona-actors@127.0.0.1:{_remotingPorts[1]}",
            // 3 nodes: keep-majority (the default); a node that is not restarted is downed 5 s after it went silent.
            ["CartonaActors__Cluster__SplitBrain__Strategy"] = "KeepMajority",
            ["CartonaActors__Cluster__SplitBrain__StableAfter"] = "00:00:05",
            ["CartonaActors__Persistence__Provider"] = "PostgreSql",
            ["CartonaActors__Persistence__ConnectionString"] = database.ConnectionString,
            ["CartonaActors__Odoo__Url"] = odooLink is null ? odoo.BaseUrl : new UriBuilder(odoo.BaseUrl) { Port = odooLink.Port }.Uri.ToString(),
            ["CartonaActors__Odoo__Database"] = "erp",
            ["CartonaActors__Odoo__Login"] = Login,
            ["CartonaActors__Odoo__ApiKey"] = ApiKey,
            ["CartonaActors__ErpSync__WebhookSecret"] = WebhookSecret,
            ["CartonaActors__ErpSync__SettleDelay"] = "00:00:00.5",
            ["CartonaActors__ErpSync__PollInterval"] = "00:00:01",
            ["CartonaActors__ErpSync__PollOverlap"] = "00:00:30",
            // Items a killed node had in flight are pushed again after this (the default, 30 s, only makes the test longer).
            ["CartonaActors__Sync__ResendAfter"] = "00:00:10",
            ["CartonaActors__Connections__0__Name"] = "cartona",
            ["CartonaActors__Connections__0__Platform"] = "cartona",
            ["CartonaActors__Connections__0__BaseUrl"] = cartona.BaseUrl,
            ["CartonaActors__Connections__0__Token"] = CartonaToken,
            ["CartonaActors__Connections__0__Warehouses__0"] = "WH1",
            // Orders are pulled every 2 s (any node may run the pull): the crash tests place orders during the load.
            ["CartonaActors__Connections__0__OrderPullInterval"] = "00:00:02",
        };
        foreach (var (key, value) in extra)
            if (value is null) settings.Remove(key);
            else settings[key] = value;
        _settings = settings;
    }

    public OdooEmulator Odoo { get; }

    /// <summary>The nodes' way to Odoo when the world was started with an Odoo link: cut it and Odoo is unreachable
    /// for them (its webhooks still arrive).</summary>
    public TcpRelay? OdooLink { get; }

    public CartonaEmulator Cartona { get; }
    public long Warehouse { get; }
    public OdooSeed Seed { get; }
    public string LogDir { get; }
    public int Variants => Seed.VariantIds.Count;

    public ServiceProcess Node(int i) => _nodes[i] ?? throw new InvalidOperationException($"node {i} is not running");
    public bool IsRunning(int i) => _nodes[i] is { HasExited: false };

    /// <param name="variants">One-variant templates priced 10 with 5 free in WH1, listed on Cartona under their variant id.</param>
    /// <param name="extra">Service settings (environment variable names) that win over the defaults; null removes one.</param>
    /// <param name="odooClock">Odoo's clock (write_date); the system clock by default.</param>
    /// <param name="odooLink">Reach Odoo through <see cref="OdooLink"/>, which the test can cut.</param>
    public static async Task<ClusterWorld> StartAsync(string test, int variants, IReadOnlyDictionary<string, string?>? extra = null,
        TimeProvider? odooClock = null, bool odooLink = false)
    {
        var logDir = Path.Combine(Path.GetTempPath(), "cartona-cluster-tests", $"{test}-{DateTime.UtcNow:HHmmss}");
        Directory.CreateDirectory(logDir);
        var odoo = await OdooEmulator.StartAsync(new OdooEmulatorOptions
        {
            Database = "erp", Users = { new OdooUser(2, Login, ApiKey) }, Clock = odooClock ?? TimeProvider.System,
        });
        var warehouse = odoo.AddWarehouse("WH1", "Main");
        var seed = odoo.SeedCatalog(variants, listPrice: 10m, stockPerWarehouse: 5m);
        var cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions
        {
            Tokens = new HashSet<string>(StringComparer.Ordinal) { CartonaToken }, RecordRequestBodies = false,
        });
        cartona.Catalog.Seed(seed.VariantIds.Select(v => (700_000 + v, v.ToString(CultureInfo.InvariantCulture))));
        var database = await ClusterDatabase.CreateAsync();
        TcpRelay? link = null;
        if (odooLink)
        {
            link = new TcpRelay(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, new Uri(odoo.BaseUrl).Port));
            link.Open();
        }
        var world = new ClusterWorld(odoo, cartona, warehouse, seed, database, extra ?? new Dictionary<string, string?>(), logDir, link);
        try
        {
            for (var i = 0; i < NodeCount; i++) world.Launch(i);
            for (var i = 0; i < NodeCount; i++) await world.Node(i).WaitReadyAsync(ReadyWithin);
            world.PointWebhooksAt(0);
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    private void Launch(int i)
    {
        var env = new Dictionary<string, string>(_settings) { ["CartonaActors__Cluster__Port"] = _remotingPorts[i].ToString(CultureInfo.InvariantCulture) };
        _nodes[i] = ServiceProcess.Start($"node-{i}", env, new Uri($"http://127.0.0.1:{_httpPorts[i]}/"), Path.Combine(LogDir, $"node-{i}.log"));
    }

    /// <summary>Starts node <paramref name="i"/> again on its ports (after a kill or a stop) and waits until it is ready.
    /// <paramref name="attempts"/> &gt; 1 does what an orchestrator does with a node that exits or never gets
    /// ready: starts it again (a node restarted on its old address right after a kill sometimes never gets its join
    /// acknowledged by remoting; it exits after 45 s, see akka.hocon).</summary>
    public async Task RestartAsync(int i, int attempts = 1)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (_nodes[i] is { } old)
            {
                if (!old.HasExited) throw new InvalidOperationException($"node {i} is still running");
                await old.DisposeAsync();
            }
            Launch(i);
            try
            {
                await Node(i).WaitReadyAsync(attempts > 1 ? ReadyWithin / 2 : ReadyWithin);
                return;
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException && attempt < attempts)
            {
                // Not ready in time, or it gave up joining and exited (akka.hocon): start it again.
                RestartsForReadiness++;
                if (IsRunning(i)) await Node(i).KillAsync();
            }
        }
    }

    /// <summary>Nodes killed and started again because they never got ready (see <see cref="RestartAsync"/>).</summary>
    public int RestartsForReadiness { get; private set; }

    public string WebhookUrl(int node) => $"http://127.0.0.1:{_httpPorts[node]}/webhooks/odoo?token={WebhookSecret}";

    /// <summary>Every automation rule now posts to node <paramref name="node"/> (running or not: a webhook to a dead
    /// node is lost, as with Odoo, and the poller has to find the change).</summary>
    public void PointWebhooksAt(int node)
    {
        foreach (var model in new[] { "product.product", "product.template", "product.template.attribute.value", "stock.quant", "sale.order", "stock.picking" })
            Odoo.WebhookTargets[model] = new OdooWebhookTarget(WebhookUrl(node));
    }

    /// <summary>Starts the catalog load through node 0 and waits until it reports done.</summary>
    public async Task LoadCatalogAsync(TimeSpan within)
    {
        (await Node(0).Http.PostAsync("/api/erp/catalog-load", null)).EnsureSuccessStatusCode();
        await Until.TrueAsync(async () =>
        {
            var progress = await Node(0).Http.GetFromJsonAsync<JsonElement>("/api/erp/catalog-load");
            return !progress.GetProperty("running").GetBoolean() && progress.GetProperty("completedAt").ValueKind != JsonValueKind.Null;
        }, within, "catalog load done");
    }

    /// <summary>What Cartona must show for the variant, from Odoo's own records: the template's price (no
    /// attribute extras here) and WH1's free quantity (on hand minus reserved), never below 0.</summary>
    public (decimal Price, int Quantity) Expected(int index)
    {
        var template = Odoo.Find("product.template", Seed.TemplateIds[index]) ?? throw new InvalidOperationException($"no template {Seed.TemplateIds[index]}");
        var (onHand, reserved) = Odoo.Stock(Seed.VariantIds[index], Warehouse);
        return (Convert.ToDecimal(template["list_price"], CultureInfo.InvariantCulture), (int)Math.Max(0, decimal.Truncate(onHand - reserved)));
    }

    public CartonaProduct? Shown(int index) => Cartona.Catalog.TryGet(Seed.VariantIds[index].ToString(CultureInfo.InvariantCulture));

    /// <summary>Variants where Cartona differs from Odoo, described.</summary>
    public List<string> Mismatches()
    {
        var mismatches = new List<string>();
        for (var i = 0; i < Variants; i++)
        {
            var expected = Expected(i);
            var shown = Shown(i);
            var price = shown?.SellingPrice is { } text ? decimal.Parse(text, CultureInfo.InvariantCulture) : (decimal?)null;
            if (price != expected.Price || shown!.AvailableStockQuantity != expected.Quantity)
                mismatches.Add($"variant {Seed.VariantIds[i]}: Odoo {expected.Price}/{expected.Quantity}, Cartona {shown?.SellingPrice ?? "-"}/{shown?.AvailableStockQuantity}");
        }
        return mismatches;
    }

    /// <summary>Work still pending for the connection as each running node reports it (waiting + in flight).</summary>
    public async Task<List<string>> PendingWorkAsync()
    {
        var pending = new List<string>();
        for (var i = 0; i < NodeCount; i++)
        {
            if (!IsRunning(i)) continue;
            var connections = await Node(i).Http.GetFromJsonAsync<JsonElement>("/api/connections");
            foreach (var c in connections.EnumerateArray())
            {
                var waiting = c.GetProperty("waiting").GetInt32();
                var inFlight = c.GetProperty("inFlightItems").GetInt32();
                if (waiting != 0 || inFlight != 0) pending.Add($"node {i}: {waiting} waiting, {inFlight} in flight");
            }
        }
        return pending;
    }

    /// <summary>Waits until every Cartona listing equals Odoo and every node reports no pending work; the
    /// failure names what still differs and where the node logs are.</summary>
    public async Task UntilQuiescentAsync(TimeSpan within)
    {
        List<string> mismatches = [], pending = [];
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            mismatches = Mismatches();
            pending = mismatches.Count == 0 ? await PendingWorkAsync() : pending;
            if (mismatches.Count == 0 && pending.Count == 0) return;
            if (DateTime.UtcNow > deadline) break;
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException(
            $"not quiescent within {within}: {mismatches.Count} of {Variants} variants differ from Odoo" +
            $"{string.Concat(mismatches.Take(10).Select(m => "\n  " + m))}\npending: {string.Join("; ", pending)}\nnode logs: {LogDir}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            if (node is not null) await node.DisposeAsync();
        await Cartona.DisposeAsync();
        if (OdooLink is not null) await OdooLink.DisposeAsync();
        await Odoo.DisposeAsync();
        await _database.DisposeAsync();
    }
}
