using CartonaActors.Marketplaces;
using CartonaActors.Sandbox.Ebay;

namespace CartonaActors.Engine.Tests.Contract;

/// <summary>The marketplace contract on the eBay emulator: listings are SKUs whose offers are found once, a push is
/// one bulk price-and-quantity call of at most 25 SKUs, and a 429 comes without Retry-After.</summary>
public sealed class EbayContractSpecs : MarketplaceContract
{
    private const string RefreshToken = "v^1.1#contract-refresh";
    private EbayEmulator _ebay = null!;

    public override async Task InitializeAsync()
    {
        _ebay = await EbayEmulator.StartAsync(new EbayEmulatorOptions { RefreshTokens = new HashSet<string> { RefreshToken } });
        for (var i = 1; i <= Catalog; i++) _ebay.Catalog.AddItem(i.ToString(), 1m, 0);
    }

    public override async Task DisposeAsync() => await _ebay.DisposeAsync();

    protected override ConnectionSettings Settings() => new()
    {
        Name = Connection, Platform = "ebay", BaseUrl = _ebay.BaseUrl, Token = RefreshToken, Timeout = TimeSpan.FromSeconds(5),
        RequestsPerSecond = 50, Burst = 20, ListingSource = Domain.Listings.ListingSource.Sku,
        Settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["ClientId"] = _ebay.Options.ClientId, ["ClientSecret"] = _ebay.Options.ClientSecret, ["TokenUrl"] = _ebay.TokenUrl,
        },
    };

    protected override string ListingKind => "sku";

    /// <summary>Every listing starts at price 1, which no contract push sends: until then it counts as not pushed.</summary>
    protected override (decimal? Price, int? Stock) Shown(string listingId) =>
        _ebay.Catalog.Item(listingId) is { Price: not 1m } l ? (l.Price, l.Quantity) : (null, null);

    protected override void RateLimitNextPush(int retryAfterSeconds) => _ebay.Faults.ThrottleNext();

    /// <summary>eBay names no wait; the client waits five seconds.</summary>
    protected override TimeSpan PauseAfterRateLimit(int retryAfterSeconds) => TimeSpan.FromSeconds(4.9);

    protected override (DateTimeOffset, DateTimeOffset)? RateLimitedPush()
    {
        var calls = _ebay.Calls.Where(c => c.Api == "inventory").ToList();
        var limited = calls.FirstOrDefault(c => c.Status == 429);
        var next = calls.FirstOrDefault(c => limited is not null && c.At > limited.At && c.Status is >= 200 and < 300);
        return limited is null || next is null ? null : (limited.At, next.At);
    }

    protected override void FailEveryCall() => _ebay.Faults.FailNext(100_000, 503);
    protected override void Heal() => _ebay.Faults.Clear();
    protected override bool AnyCallFailed() => _ebay.Calls.Any(c => c.Status == 503);
}
