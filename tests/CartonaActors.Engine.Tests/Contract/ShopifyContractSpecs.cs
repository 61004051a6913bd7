using CartonaActors.Marketplaces;
using CartonaActors.Sandbox.Shopify;

namespace CartonaActors.Engine.Tests.Contract;

/// <summary>The marketplace contract on the Shopify emulator: listings are variants found by SKU, stock is set at
/// the location the warehouse maps to, and a 429 is the HTTP answer Shopify gives past its request limit.</summary>
public sealed class ShopifyContractSpecs : MarketplaceContract
{
    private const string Secret = "shpss_contract_secret";
    private ShopifyEmulator _shop = null!;
    private string _location = null!;

    public override async Task InitializeAsync()
    {
        _shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions
        {
            AccessTokens = new HashSet<string> { Emulators.Token }, ClientSecret = Secret, BucketSize = 2000, RestoreRate = 1000,
        });
        _location = _shop.Catalog.AddLocation("Main warehouse");
        for (var p = 1; p <= Catalog; p += 20)
            _shop.Catalog.AddProduct("Product " + p, Enumerable.Range(p, 20).Select(i => (i.ToString(), (string?)null, 1m)).ToArray());
    }

    public override async Task DisposeAsync() => await _shop.DisposeAsync();

    protected override ConnectionSettings Settings()
    {
        var s = new ConnectionSettings
        {
            Name = Connection, Platform = "shopify", BaseUrl = _shop.BaseUrl, Token = Emulators.Token, Timeout = TimeSpan.FromSeconds(5),
            ListingSource = Domain.Listings.ListingSource.Sku,
            Settings = new(StringComparer.OrdinalIgnoreCase) { ["RestoreRate"] = "1000", ["BucketSize"] = "2000" },
        };
        s.LocationByWarehouse["WH1"] = _location;
        return s;
    }

    protected override string ListingKind => "sku";

    /// <summary>Every variant starts at price 1, which no contract push sends: until then it counts as not pushed.</summary>
    protected override (decimal? Price, int? Stock) Shown(string listingId) =>
        _shop.Catalog.Variant(listingId) is { Price: not 1m } v ? (v.Price, v.AvailableByLocation[_location]) : (null, null);

    /// <summary>The emulator's 429 always says Retry-After: 2.</summary>
    protected override void RateLimitNextPush(int retryAfterSeconds) => _shop.Faults.FailNext(1, 429, retryAfter: true);

    protected override (DateTimeOffset, DateTimeOffset)? RateLimitedPush()
    {
        var calls = _shop.Calls.Where(c => c.Path.EndsWith("graphql.json", StringComparison.Ordinal)).ToList();
        var limited = calls.FirstOrDefault(c => c.Status == 429);
        var next = calls.FirstOrDefault(c => limited is not null && c.At > limited.At && c.Status == 200);
        return limited is null || next is null ? null : (limited.At, next.At);
    }

    protected override void FailEveryCall() => _shop.Faults.FailNext(100_000, 503);
    protected override void Heal() => _shop.Faults.Clear();
    protected override bool AnyCallFailed() => _shop.Calls.Any(c => c.Status == 503);
}
