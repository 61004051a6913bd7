using System.Globalization;
using System.Security.Cryptography;
using CartonaActors.Sandbox.Amazon;

namespace CartonaActors.Benchmarks;

/// <summary>Amazon SP-API: the emulator's defaults (the published usage plans, e.g. patchListingsItem 5/s burst 5;
/// JSON_LISTINGS_FEED 5 per 5 minutes, 25,000 messages a feed, processed asynchronously); merchant-fulfilled listings
/// SKU-1..N priced 1 with quantity 0.</summary>
public sealed class AmazonSide : IPlatformSide
{
    private const string Connection = "amazon";
    private readonly AmazonEmulator _emulator;
    private readonly string _refreshToken;

    private AmazonSide(AmazonEmulator emulator, string refreshToken) => (_emulator, _refreshToken) = (emulator, refreshToken);

    public static async Task<AmazonSide> StartAsync(int products)
    {
        var refreshToken = "Atzr|" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var emulator = await AmazonEmulator.StartAsync(new AmazonEmulatorOptions
        {
            RefreshTokens = new HashSet<string>(StringComparer.Ordinal) { refreshToken },
            ClientSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        });
        for (var i = 1; i <= products; i++) emulator.Catalog.AddListing(PlatformSides.Sku(i), 1m, 0);
        return new AmazonSide(emulator, refreshToken);
    }

    public BenchPlatform Platform => BenchPlatform.Amazon;

    public string Limits
    {
        get
        {
            var o = _emulator.Options;
            var patch = o.OperationLimits["patchListingsItem"];
            return string.Create(CultureInfo.InvariantCulture,
                $"patchListingsItem {patch.Rate}/s burst {patch.Burst}; JSON_LISTINGS_FEED {o.FeedsPerWindow} per {o.FeedWindow.TotalMinutes:0} min, " +
                $"{o.MaxMessagesPerFeed} messages a feed, each processing step {o.FeedStepDelay.TotalSeconds:0.#} s");
        }
    }

    public IReadOnlyDictionary<string, string> ConnectionSettings => new Dictionary<string, string>
    {
        ["Name"] = Connection, ["Platform"] = "amazon", ["BaseUrl"] = _emulator.BaseUrl, ["Token"] = _refreshToken, ["ListingSource"] = "Sku",
        ["Settings__ClientId"] = _emulator.Options.ClientId, ["Settings__ClientSecret"] = _emulator.Options.ClientSecret,
        ["Settings__TokenUrl"] = _emulator.TokenUrl, ["Settings__SellerId"] = _emulator.Options.SellerId,
        ["Settings__MarketplaceId"] = _emulator.Options.MarketplaceId,
    };

    public string Listing(int product) => IngressClient.Listing(Connection, PlatformSides.Sku(product));

    public Func<int, decimal, int, bool> ShowsNow() => (product, price, quantity) =>
        _emulator.Catalog.Listing(PlatformSides.Sku(product)) is { } l && l.Price == price && l.Quantity == quantity;

    public PlatformCalls Calls() => PlatformCalls.Of(_emulator.Calls, c => c.Operation, _emulator.Counters.Throttled,
        c => c.Operation is "patchListingsItem" or "createFeed" && c.Status is >= 200 and < 300);

    /// <summary>The feeds created, as "messages (status)" each.</summary>
    public string Detail() => $"{_emulator.Feeds.Count} feeds: " + string.Join(", ", _emulator.Feeds.Select(f => $"{f.Messages} ({f.Status}{(f.FailedMessages > 0 ? $", {f.FailedMessages} failed" : "")})"));

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();
}
