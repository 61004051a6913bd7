using System.Globalization;
using System.Security.Cryptography;
using CartonaActors.Sandbox.Ebay;

namespace CartonaActors.Benchmarks;

/// <summary>eBay: the emulator's defaults (bulkUpdatePriceQuantity 25 entries a call, 250 revisions per listing a day,
/// 2,000,000 Inventory API calls a day); inventory items SKU-1..N, each with one published offer priced 1 with 0 available.</summary>
public sealed class EbaySide : IPlatformSide
{
    private const string Connection = "ebay";
    private readonly EbayEmulator _emulator;
    private readonly string _refreshToken;

    private EbaySide(EbayEmulator emulator, string refreshToken) => (_emulator, _refreshToken) = (emulator, refreshToken);

    public static async Task<EbaySide> StartAsync(int products)
    {
        var refreshToken = "v^1.1#i^1#r^1#" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var emulator = await EbayEmulator.StartAsync(new EbayEmulatorOptions
        {
            RefreshTokens = new HashSet<string>(StringComparer.Ordinal) { refreshToken },
            ClientSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        });
        for (var i = 1; i <= products; i++) emulator.Catalog.AddItem(PlatformSides.Sku(i), 1m, 0);
        return new EbaySide(emulator, refreshToken);
    }

    public BenchPlatform Platform => BenchPlatform.Ebay;

    public string Limits => string.Create(CultureInfo.InvariantCulture,
        $"bulkUpdatePriceQuantity {_emulator.Options.MaxBulkRequests} entries a call, {_emulator.Options.RevisionsPerListingPerDay} revisions per listing a day, " +
        $"{_emulator.Options.InventoryCallsPerDay} Inventory API calls a day");

    public IReadOnlyDictionary<string, string> ConnectionSettings => new Dictionary<string, string>
    {
        ["Name"] = Connection, ["Platform"] = "ebay", ["BaseUrl"] = _emulator.BaseUrl, ["Token"] = _refreshToken, ["ListingSource"] = "Sku",
        ["Settings__ClientId"] = _emulator.Options.ClientId, ["Settings__ClientSecret"] = _emulator.Options.ClientSecret,
        ["Settings__TokenUrl"] = _emulator.TokenUrl,
    };

    public string Listing(int product) => IngressClient.Listing(Connection, PlatformSides.Sku(product));

    public Func<int, decimal, int, bool> ShowsNow() => (product, price, quantity) =>
        _emulator.Catalog.Item(PlatformSides.Sku(product)) is { } l && l.Price == price && l.Quantity == quantity;

    public PlatformCalls Calls() => PlatformCalls.Of(_emulator.Calls, c => PlatformCalls.LastSegment(c.Path), _emulator.Counters.Throttled,
        c => c.Path.EndsWith("bulk_update_price_quantity", StringComparison.Ordinal) && c.Status is >= 200 and < 300);

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();
}
