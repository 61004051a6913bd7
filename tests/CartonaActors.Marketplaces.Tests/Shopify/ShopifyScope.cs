using System.Collections.Immutable;
using CartonaActors.Domain.Listings;
using CartonaActors.Domain.Products;
using CartonaActors.Marketplaces.Shopify;
using CartonaActors.Sandbox.Shopify;

namespace CartonaActors.Marketplaces.Tests.Shopify;

/// <summary>A Shopify emulator on loopback with a connection to it and the client that connection makes.</summary>
internal sealed class ShopifyScope : IAsyncDisposable
{
    public const string Token = "shpat_emu_access_7f3a";
    public const string ClientSecret = "shpss_emu_secret_91";

    private ShopifyScope(ShopifyEmulator emulator, IReadOnlyList<string> locations)
    {
        Emulator = emulator;
        Locations = locations;
    }

    public ShopifyEmulator Emulator { get; }

    /// <summary>Location gids, one per warehouse WH1..WHn.</summary>
    public IReadOnlyList<string> Locations { get; }

    public static async Task<ShopifyScope> StartAsync(int locations = 1, Action<ShopifyEmulatorOptions>? options = null)
    {
        var o = new ShopifyEmulatorOptions { AccessTokens = new HashSet<string> { Token }, ClientSecret = ClientSecret, ClientId = "emu-app" };
        options?.Invoke(o);
        var emulator = await ShopifyEmulator.StartAsync(o);
        var ids = Enumerable.Range(1, locations).Select(i => emulator.Catalog.AddLocation("Warehouse " + i)).ToList();
        return new ShopifyScope(emulator, ids);
    }

    public ConnectionSettings Settings(Action<ConnectionSettings>? change = null)
    {
        var s = new ConnectionSettings
        {
            Name = "shop", Platform = "shopify", BaseUrl = Emulator.BaseUrl, Token = Token, Timeout = TimeSpan.FromSeconds(5),
            ListingSource = ListingSource.Sku,
            Settings = new(StringComparer.OrdinalIgnoreCase) { ["ClientSecret"] = ClientSecret, ["ClientId"] = "emu-app" },
        };
        for (var i = 0; i < Locations.Count; i++) s.LocationByWarehouse["WH" + (i + 1)] = Locations[i];
        change?.Invoke(s);
        return s;
    }

    public ShopifyClient Client(Action<ConnectionSettings>? change = null) =>
        Assert.IsType<ShopifyClient>(new ShopifyPlatform().Open(Settings(change)).CreateClient());

    public static PushItem Stock(string sku, long version, params (string Location, int Quantity)[] levels) =>
        new("p-" + sku, "shop", new ListingRef(ShopifyPlatform.Sku, sku),
            new PushedValues(null, false, levels.Sum(l => l.Quantity), levels.ToImmutableSortedDictionary(l => l.Location, l => l.Quantity)), version);

    public static PushItem Price(string sku, decimal price, long version) =>
        new("p-" + sku, "shop", new ListingRef(ShopifyPlatform.Sku, sku), new PushedValues(price, null, null), version);

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
}
