using CartonaActors.Domain.Listings;
using CartonaActors.Domain.Products;
using CartonaActors.Marketplaces.Ebay;
using CartonaActors.Sandbox.Ebay;

namespace CartonaActors.Marketplaces.Tests.Ebay;

/// <summary>An eBay emulator on loopback with a connection to it and the client that connection makes.</summary>
internal sealed class EbayScope : IAsyncDisposable
{
    public const string RefreshToken = "v^1.1#i^1#r^1#emu-refresh-3c9d";
    public const string ClientSecret = "PRD-emu-cert-secret-77f1";

    private EbayScope(EbayEmulator emulator) => Emulator = emulator;

    public EbayEmulator Emulator { get; }

    public static async Task<EbayScope> StartAsync(Action<EbayEmulatorOptions>? options = null)
    {
        var o = new EbayEmulatorOptions { RefreshTokens = new HashSet<string> { RefreshToken }, ClientSecret = ClientSecret, ClientId = "emu-app-id" };
        options?.Invoke(o);
        return new EbayScope(await EbayEmulator.StartAsync(o));
    }

    public ConnectionSettings Settings(Action<ConnectionSettings>? change = null)
    {
        var s = new ConnectionSettings
        {
            Name = "bay", Platform = "ebay", BaseUrl = Emulator.BaseUrl, Token = RefreshToken, Timeout = TimeSpan.FromSeconds(5),
            ListingSource = ListingSource.Sku,
            Settings = new(StringComparer.OrdinalIgnoreCase)
            {
                ["ClientId"] = Emulator.Options.ClientId, ["ClientSecret"] = ClientSecret, ["TokenUrl"] = Emulator.TokenUrl,
            },
        };
        change?.Invoke(s);
        return s;
    }

    public EbayClient Client(Action<ConnectionSettings>? change = null) =>
        Assert.IsType<EbayClient>(new EbayPlatform().Open(Settings(change)).CreateClient());

    /// <summary>A price and quantity change of one SKU, as the engine sends it.</summary>
    public static PushItem Item(string sku, decimal? price, int? quantity, long version = 1) =>
        new("p-" + sku, "bay", new ListingRef(EbayPlatform.Sku, sku), new PushedValues(price, null, quantity), version);

    public static readonly EbayBuyer Mona = new("mona_adel", "Mona Adel", "mona@example.com", "+20100000001");

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
