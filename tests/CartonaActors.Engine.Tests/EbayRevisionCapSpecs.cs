using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Engine.Configuration;
using CartonaActors.Marketplaces;
using CartonaActors.Marketplaces.Cartona;
using CartonaActors.Marketplaces.Ebay;
using CartonaActors.Sandbox.Ebay;

namespace CartonaActors.Engine.Tests;

/// <summary>
/// eBay's cap of revisions per listing per calendar day, through the engine: a listing changed a thousand times in
/// a day is revised no more than the cap allows, and its latest value is held, never dropped, until eBay's next
/// day lets it go. The emulator and the client read one clock the test moves; the engine's own timing is real.
/// </summary>
public sealed class EbayRevisionCapSpecs
{
    private const int Cap = 20;
    private const string RefreshToken = "v^1.1#cap-refresh";

    private sealed class TestClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;
        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);
    }

    [Fact]
    public async Task A_thousand_changes_to_one_listing_in_a_day_stay_within_the_cap_and_end_on_the_latest_value()
    {
        // 10:00 in Los Angeles: fourteen hours of eBay's day left.
        var clock = new TestClock(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(-8)));
        await using var ebay = await EbayEmulator.StartAsync(new EbayEmulatorOptions
        {
            RefreshTokens = new HashSet<string> { RefreshToken }, Clock = clock, RevisionsPerListingPerDay = Cap,
        });
        ebay.Catalog.AddItem("SKU-1", 1m, 0);
        var connection = new ConnectionSettings
        {
            Name = "ebay", Platform = "ebay", BaseUrl = ebay.BaseUrl, Token = RefreshToken, RequestsPerSecond = 50, Burst = 20,
            ListingSource = Domain.Listings.ListingSource.Sku,
            Settings = new(StringComparer.OrdinalIgnoreCase)
            {
                ["ClientId"] = ebay.Options.ClientId, ["ClientSecret"] = ebay.Options.ClientSecret, ["TokenUrl"] = ebay.TokenUrl,
                ["RevisionsPerListingPerDay"] = Cap.ToString(), ["HoldRecheck"] = "00:00:00.2",
            },
        };
        var options = new CartonaActorsOptions
        {
            Persistence = Databases.NewSqlite(),
            Sync = new SyncOptions { DebounceQuietWindow = TimeSpan.FromMilliseconds(50), DebounceMaxDelay = TimeSpan.FromMilliseconds(200) },
            Connections = [connection],
        };
        await using var node = await TestNode.StartAsync(options, new PlatformRegistry().Add(new CartonaPlatform()).Add(new EbayPlatform(clock)));

        var latest = 0m;
        for (var round = 0; round < 50; round++)
        {
            for (var change = 0; change < 20; change++)
            {
                latest = 10m + (round * 20 + change + 1) / 100m;
                var reply = await node.Products.Ask<ProductUpdateResult>(new UpdateProduct("p-1", latest, new Dictionary<string, decimal> { ["WH1"] = 5 }, null,
                    [new ListingRequest("ebay", new ListingRef("sku", "SKU-1"))], null), TimeSpan.FromSeconds(30));
                Assert.True(reply.Accepted, reply.Error);
            }
            // The workload, not a wait for a result: the changes of a day come in bursts, each allowed to become a push.
            await Task.Delay(100);
        }
        await Probe.UntilAsync(() => ebay.Catalog.Item("SKU-1")!.RevisionsToday >= Cap - 2, TimeSpan.FromSeconds(30));
        var today = ebay.Catalog.Item("SKU-1")!;
        Assert.True(today.RevisionsToday <= Cap, $"{today.RevisionsToday} revisions in one day");
        Assert.Equal(0, ebay.Counters.RevisionCapRefusals);

        // eBay's next day: the held value goes, and it is the latest.
        clock.Set(new DateTimeOffset(2026, 12, 5, 0, 1, 0, TimeSpan.FromHours(-8)));
        await Probe.UntilAsync(() => ebay.Catalog.Item("SKU-1")!.Price == latest, TimeSpan.FromSeconds(30));
        var item = ebay.Catalog.Item("SKU-1")!;
        Assert.True(item.RevisionsTotal - item.RevisionsToday <= Cap, $"{item.RevisionsTotal - item.RevisionsToday} revisions on the first day");
        Assert.Equal(5, item.Quantity);
        Assert.Equal(0, ebay.Counters.RevisionCapRefusals);
    }
}
