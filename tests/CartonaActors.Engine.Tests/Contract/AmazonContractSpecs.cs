using CartonaActors.Marketplaces;
using CartonaActors.Sandbox.Amazon;

namespace CartonaActors.Engine.Tests.Contract;

/// <summary>The marketplace contract on the Amazon SP-API emulator: listings are seller SKUs, a small push is one
/// listings patch per item and a larger one a listings feed confirmed by its processing report, and a 429 comes
/// without Retry-After. The account's usage plans and feed quota are raised (as Amazon grants) so the contract's
/// bursts run in seconds; the published quota is the Amazon client specs' to hold.</summary>
public sealed class AmazonContractSpecs : MarketplaceContract
{
    private const string RefreshToken = "Atzr|contract-refresh";
    private const string Rates = "patchListingsItem=50/50;createFeedDocument=20/50;createFeed=20/50;getFeed=50/50;getFeedDocument=20/50;searchOrders=10/20;getOrder=10/30;confirmShipment=10/10";
    private AmazonEmulator _amazon = null!;

    public override async Task InitializeAsync()
    {
        var options = new AmazonEmulatorOptions
        {
            RefreshTokens = new HashSet<string> { RefreshToken }, FeedStepDelay = TimeSpan.FromMilliseconds(100), FeedsPerWindow = 100,
            FeedWindow = TimeSpan.FromSeconds(10),
        };
        foreach (var part in Rates.Split(';'))
        {
            var (name, plan) = (part.Split('=')[0], part.Split('=')[1].Split('/'));
            options.OperationLimits[name] = (double.Parse(plan[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(plan[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        _amazon = await AmazonEmulator.StartAsync(options);
        for (var i = 1; i <= Catalog; i++) _amazon.Catalog.AddListing(i.ToString(), 1m, 0);
    }

    public override async Task DisposeAsync() => await _amazon.DisposeAsync();

    protected override ConnectionSettings Settings() => new()
    {
        Name = Connection, Platform = "amazon", BaseUrl = _amazon.BaseUrl, Token = RefreshToken, Timeout = TimeSpan.FromSeconds(5),
        ListingSource = Domain.Listings.ListingSource.Sku,
        Settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["ClientId"] = _amazon.Options.ClientId, ["ClientSecret"] = _amazon.Options.ClientSecret, ["TokenUrl"] = _amazon.TokenUrl,
            ["SellerId"] = _amazon.Options.SellerId, ["MarketplaceId"] = _amazon.Options.MarketplaceId,
            ["FeedPollInterval"] = "00:00:00.1", ["FeedsPerWindow"] = "100", ["FeedWindow"] = "00:00:10", ["OperationRates"] = Rates,
        },
    };

    protected override string ListingKind => "sku";

    /// <summary>Every listing starts at price 1, which no contract push sends: until then it counts as not pushed.</summary>
    protected override (decimal? Price, int? Stock) Shown(string listingId) =>
        _amazon.Catalog.Listing(listingId) is { Price: not 1m } l ? (l.Price, l.Quantity) : (null, null);

    /// <summary>Amazon's 429 names no wait; the emulator throttles the next patch or feed, whichever comes.</summary>
    protected override void RateLimitNextPush(int retryAfterSeconds) => _amazon.Faults.ThrottleNext("patchListingsItem");

    /// <summary>The client waits at least a second after a 429 (longer where the operation's plan refills slower).</summary>
    protected override TimeSpan PauseAfterRateLimit(int retryAfterSeconds) => TimeSpan.FromSeconds(0.9);

    protected override (DateTimeOffset, DateTimeOffset)? RateLimitedPush()
    {
        var pushes = _amazon.Calls.Where(c => c.Operation is "patchListingsItem" or "createFeed").ToList();
        var limited = pushes.FirstOrDefault(c => c.Status == 429);
        var next = pushes.FirstOrDefault(c => limited is not null && c.At > limited.At && c.Status is >= 200 and < 300);
        return limited is null || next is null ? null : (limited.At, next.At);
    }

    protected override void FailEveryCall() => _amazon.Faults.FailNext(100_000, 503);
    protected override void Heal() => _amazon.Faults.Clear();
    protected override bool AnyCallFailed() => _amazon.Calls.Any(c => c.Status == 503);
}
