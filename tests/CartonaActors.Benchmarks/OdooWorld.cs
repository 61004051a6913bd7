using System.Globalization;
using System.Security.Cryptography;

namespace CartonaActors.Benchmarks;

/// <summary>The Odoo-fed world of the onboard, repush and restart scenarios: the Odoo emulator seeded with N
/// variants, the Cartona emulator, and one service process connected to both (webhooks on templates and quants).</summary>
public sealed class OdooWorld : IAsyncDisposable
{
    private OdooWorld(OdooSide odoo, BenchWorld world, OdooLatencyTracker tracker, ServiceApi api, TimeSpan ready)
    {
        Odoo = odoo;
        World = world;
        Tracker = tracker;
        Api = api;
        Ready = ready;
    }

    public OdooSide Odoo { get; }
    public BenchWorld World { get; }
    public OdooLatencyTracker Tracker { get; }
    public ServiceApi Api { get; }
    public TimeSpan Ready { get; }

    public static async Task<OdooWorld> StartAsync(int variants, BenchDatabase database, ServiceMeter meter, Action<string> progress)
    {
        progress($"seeding the Odoo emulator with {variants} variants in WH1 and WH2");
        var odoo = await OdooSide.StartAsync(variants);
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        progress($"starting the Cartona emulator and the service process on {database.Description}");
        var world = await BenchWorld.StartAsync(variants, database, meter, extra: odoo.ServiceSettings(secret));
        var tracker = new OdooLatencyTracker();
        world.OnApplied = (item, now) =>
        {
            if (int.TryParse(item.InternalProductId, NumberStyles.None, CultureInfo.InvariantCulture, out var variant))
                tracker.Applied(variant, item.SellingPrice, item.AvailableStockQuantity, now);
        };
        odoo.RegisterWebhooks($"{world.Root(0)}webhooks/odoo?token={secret}");
        try
        {
            var ready = await world.StartNodeAsync(0);
            return new OdooWorld(odoo, world, tracker, new ServiceApi(world.Root(0)), ready);
        }
        catch
        {
            await world.DisposeAsync();
            await odoo.DisposeAsync();
            throw;
        }
    }

    /// <summary>Variants where Cartona differs from Odoo now.</summary>
    public int Mismatches(List<string>? examples = null) => Odoo.Mismatches(World.Emulator.Catalog, Odoo.ReadTruth(), examples);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await World.DisposeAsync();
        await Odoo.DisposeAsync();
    }
}
