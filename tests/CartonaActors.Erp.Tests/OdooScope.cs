using CartonaActors.Erp;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests;

/// <summary>An Odoo emulator on loopback plus a client wired to it as the service would be.</summary>
internal sealed class OdooScope : IAsyncDisposable
{
    public const string Database = "erp";
    public const string Login = "sync@example.com";
    public const long Uid = 2;

    private OdooScope(OdooEmulator emulator, OdooSettings settings)
    {
        Emulator = emulator;
        Settings = settings;
        Transport = new OdooJsonRpcTransport(settings);
        Client = new OdooClient(Transport);
        Catalog = new OdooCatalog(Transport, settings);
        Sales = new OdooSales(Transport, settings);
    }

    /// <summary>A key that looks like a real one (40 hex chars) and is unique per scope, so its absence is meaningful.</summary>
    public string ApiKey => Settings.ApiKey;

    public OdooEmulator Emulator { get; }
    public OdooSettings Settings { get; }
    public OdooJsonRpcTransport Transport { get; }
    public OdooClient Client { get; }
    public OdooCatalog Catalog { get; }
    public OdooSales Sales { get; }

    public static async Task<OdooScope> StartAsync(Action<OdooEmulatorOptions>? configure = null, int pageSize = 1000)
    {
        var key = Guid.NewGuid().ToString("N") + "c0ffee42";
        var options = new OdooEmulatorOptions { Database = Database, Users = { new OdooUser(Uid, Login, key) } };
        configure?.Invoke(options);
        var emulator = await OdooEmulator.StartAsync(options);
        return new OdooScope(emulator, new OdooSettings
        {
            Url = emulator.BaseUrl,
            Database = Database,
            Login = Login,
            ApiKey = key,
            Timeout = TimeSpan.FromSeconds(10),
            PageSize = pageSize,
            UnlimitedStockField = "cartona_is_unlimited_stock",
        });
    }

    /// <summary>Another client on the same emulator with different settings (wrong key, short timeout…).</summary>
    public OdooJsonRpcTransport TransportWith(Action<OdooSettings> change)
    {
        var settings = new OdooSettings
        {
            Url = Settings.Url, Database = Settings.Database, Login = Settings.Login, ApiKey = Settings.ApiKey,
            Timeout = Settings.Timeout, PageSize = Settings.PageSize, UnlimitedStockField = Settings.UnlimitedStockField,
        };
        change(settings);
        return new OdooJsonRpcTransport(settings);
    }

    public int CallsTo(string model, string method) =>
        Emulator.Calls.Count(c => c.Model == model && c.Method == method);

    public async ValueTask DisposeAsync()
    {
        Transport.Dispose();
        await Emulator.DisposeAsync();
    }
}
