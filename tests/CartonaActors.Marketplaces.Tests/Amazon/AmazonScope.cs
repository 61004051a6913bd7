using System.Globalization;
using CartonaActors.Domain.Listings;
using CartonaActors.Domain.Products;
using CartonaActors.Marketplaces.Amazon;
using CartonaActors.Sandbox.Amazon;

namespace CartonaActors.Marketplaces.Tests.Amazon;

/// <summary>An Amazon SP-API emulator on loopback with a connection to it and the client that connection makes.
/// The per-operation usage plans are raised on both sides (as Amazon grants) so specs run in seconds; the feed
/// quota is left at Amazon's published 5 per 5 minutes unless a spec says otherwise.</summary>
internal sealed class AmazonScope : IAsyncDisposable
{
    public const string RefreshToken = "Atzr|client-specs-refresh-0b7e";
    public const string ClientSecret = "amzn-client-secret-5c1d";

    /// <summary>Bursts large enough that a manual clock (which never refills a bucket) does not starve a spec.</summary>
    public const string Rates = "patchListingsItem=100/1000;createFeedDocument=100/1000;createFeed=100/1000;getFeed=100/1000;"
                                + "getFeedDocument=100/1000;searchOrders=100/1000;getOrder=100/1000;confirmShipment=100/1000";

    private AmazonScope(AmazonEmulator emulator, TimeProvider clock)
    {
        Emulator = emulator;
        Clock = clock;
    }

    public AmazonEmulator Emulator { get; }
    public TimeProvider Clock { get; }

    public static async Task<AmazonScope> StartAsync(Action<AmazonEmulatorOptions>? options = null, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var o = new AmazonEmulatorOptions
        {
            RefreshTokens = new HashSet<string> { RefreshToken }, ClientSecret = ClientSecret, Clock = clock, FeedStepDelay = TimeSpan.FromMilliseconds(50),
        };
        foreach (var part in Rates.Split(';'))
        {
            var (name, plan) = (part.Split('=')[0], part.Split('=')[1].Split('/'));
            o.OperationLimits[name] = (double.Parse(plan[0], CultureInfo.InvariantCulture), int.Parse(plan[1], CultureInfo.InvariantCulture));
        }
        options?.Invoke(o);
        return new AmazonScope(await AmazonEmulator.StartAsync(o), clock);
    }

    public ConnectionSettings Settings(Action<ConnectionSettings>? change = null)
    {
        var s = new ConnectionSettings
        {
            Name = "amz", Platform = "amazon", BaseUrl = Emulator.BaseUrl, Token = RefreshToken, Timeout = TimeSpan.FromSeconds(10),
            ListingSource = ListingSource.Sku,
            Settings = new(StringComparer.OrdinalIgnoreCase)
            {
                ["ClientId"] = Emulator.Options.ClientId, ["ClientSecret"] = ClientSecret, ["TokenUrl"] = Emulator.TokenUrl,
                ["SellerId"] = Emulator.Options.SellerId, ["MarketplaceId"] = Emulator.Options.MarketplaceId,
                ["FeedPollInterval"] = "00:00:00.05", ["OperationRates"] = Rates,
            },
        };
        change?.Invoke(s);
        return s;
    }

    /// <summary>The client the platform makes for the connection, on the scope's clock (the emulator's too).</summary>
    public AmazonClient Client(Action<ConnectionSettings>? change = null) =>
        Assert.IsType<AmazonClient>(new AmazonPlatform(Clock).Open(Settings(change)).CreateClient());

    public static PushItem Item(string sku, decimal price, int quantity, long version = 1) =>
        new("p-" + sku, "amz", new ListingRef(AmazonPlatform.Sku, sku), new PushedValues(price, null, quantity), version);

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
}

/// <summary>A clock the spec moves by hand: the 2-minute rule of searchOrders is crossed by moving it, not by waiting.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
