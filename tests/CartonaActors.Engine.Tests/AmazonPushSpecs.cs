using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.Erp;
using CartonaActors.Marketplaces;
using CartonaActors.Marketplaces.Amazon;
using CartonaActors.Marketplaces.Cartona;
using CartonaActors.Sandbox.Amazon;

namespace CartonaActors.Engine.Tests;

/// <summary>
/// Pushes to Amazon through the engine, against the SP-API emulator: a catalog goes as listings feeds inside the
/// feed quota, a feed's failed messages come back to their own products as refusals, and an access token that
/// expires while feeds are running is bought anew without losing a push. The emulator keeps Amazon's published
/// usage plans and 5 feeds per window; the window is 10 s instead of 5 min on both sides, so a spec runs in seconds
/// while the quota is as tight relative to its window as Amazon's.
/// </summary>
public sealed class AmazonPushSpecs
{
    private const string RefreshToken = "Atzr|engine-push-refresh";
    private const string Connection = "amazon";
    private static readonly TimeSpan FeedWindow = TimeSpan.FromSeconds(10);

    private static async Task<AmazonEmulator> AmazonAsync(int listings, TimeSpan feedStep)
    {
        var amazon = await AmazonEmulator.StartAsync(new AmazonEmulatorOptions
        {
            RefreshTokens = new HashSet<string> { RefreshToken }, FeedStepDelay = feedStep, FeedWindow = FeedWindow,
        });
        for (var i = 1; i <= listings; i++) amazon.Catalog.AddListing("V" + i, 1m, 0);
        return amazon;
    }

    private static CartonaActorsOptions Options(AmazonEmulator amazon) => new()
    {
        Persistence = Databases.NewSqlite(),
        Sync = new SyncOptions
        {
            DebounceQuietWindow = TimeSpan.FromMilliseconds(50), DebounceMaxDelay = TimeSpan.FromMilliseconds(200),
            RetryMinBackoff = TimeSpan.FromMilliseconds(100), RetryMaxBackoff = TimeSpan.FromSeconds(1),
        },
        Connections =
        [
            new ConnectionSettings
            {
                Name = Connection, Platform = "amazon", BaseUrl = amazon.BaseUrl, Token = RefreshToken, Timeout = TimeSpan.FromSeconds(10),
                ListingSource = Domain.Listings.ListingSource.Sku,
                Settings = new(StringComparer.OrdinalIgnoreCase)
                {
                    ["ClientId"] = amazon.Options.ClientId, ["ClientSecret"] = amazon.Options.ClientSecret, ["TokenUrl"] = amazon.TokenUrl,
                    ["SellerId"] = amazon.Options.SellerId, ["MarketplaceId"] = amazon.Options.MarketplaceId,
                    ["FeedPollInterval"] = "00:00:00.2", ["FeedWindow"] = "00:00:10",
                },
            },
        ],
    };

    private static Task<TestNode> NodeAsync(CartonaActorsOptions options) =>
        TestNode.StartAsync(options, new PlatformRegistry().Add(new CartonaPlatform()).Add(new AmazonPlatform()));

    private static ErpProductFeeder Feeder(TestNode node, ScriptedOdoo odoo, CartonaActorsOptions options) =>
        new(odoo, node.Products, node.Ranges, new PlatformRegistry().Add(new AmazonPlatform()).OpenAll(options.Connections), 500, 4);

    private static bool AllShow(AmazonEmulator amazon, int listings, decimal price) =>
        Enumerable.Range(1, listings).All(i => amazon.Catalog.Listing("V" + i)!.Price == price);

    [Fact]
    public async Task A_catalog_of_25000_goes_as_a_few_listings_feeds_inside_the_quota()
    {
        const int Catalog = 25_000;
        await using var amazon = await AmazonAsync(Catalog, TimeSpan.FromMilliseconds(200));
        var options = Options(amazon);
        await using var node = await NodeAsync(options);

        var fed = await Feeder(node, new ScriptedOdoo(), options).FeedIdsAsync(Enumerable.Range(1, Catalog).Select(i => (long)i).ToList(), CancellationToken.None);

        Assert.Equal(Catalog, fed.Changed);
        await Probe.UntilAsync(() => AllShow(amazon, Catalog, 20m), TimeSpan.FromSeconds(120));
        var feeds = amazon.Feeds.Where(f => f.FeedType == "JSON_LISTINGS_FEED").ToList();
        Assert.Equal(0, amazon.Counters.FeedsRefusedByQuota);
        // The client's usage plans and the emulator's buckets start at different instants, so a call at a bucket's
        // edge may meet one 429 (which then backs off); a feed is never refused.
        var throttled = amazon.Calls.Where(c => c.Status == 429).Select(c => c.Operation).ToList();
        Assert.DoesNotContain("createFeed", throttled);
        Assert.True(throttled.Count <= 2, "429s: " + string.Join(", ", throttled));
        Assert.InRange(feeds.Count, 1, 10);
        Assert.True(feeds.Sum(f => f.Messages) + amazon.Counters.PatchCalls <= Catalog + 100,
            $"{feeds.Sum(f => f.Messages)} feed messages and {amazon.Counters.PatchCalls} patches for {Catalog} listings");
    }

    [Fact]
    public async Task A_feeds_failed_messages_are_refusals_of_their_own_products_and_only_they_go_again()
    {
        const int Catalog = 300;
        await using var amazon = await AmazonAsync(Catalog, TimeSpan.FromMilliseconds(100));
        amazon.Faults.FailFeedMessages("V7", "V150", "V299");
        var options = Options(amazon);
        await using var node = await NodeAsync(options);
        var failing = new[] { "7", "150", "299" };

        await Feeder(node, new ScriptedOdoo(), options).FeedIdsAsync(Enumerable.Range(1, Catalog).Select(i => (long)i).ToList(), CancellationToken.None);

        await Probe.UntilAsync(() => failing.All(id => node.PushEntryAsync(Connection, id).Result.Refusal is not null), TimeSpan.FromSeconds(60));
        await Probe.UntilAsync(() => Enumerable.Range(1, Catalog).Where(i => !failing.Contains(i.ToString()))
            .All(i => amazon.Catalog.Listing("V" + i)!.Price == 20m), TimeSpan.FromSeconds(60));
        var refused = await node.PushEntryAsync(Connection, "150");
        Assert.Contains("V150", refused.Refusal);
        Assert.False(refused.Pending);
        Assert.Equal(1m, amazon.Catalog.Listing("V150")!.Price);
        var confirmed = await node.PushEntryAsync(Connection, "151");
        Assert.Equal((confirmed.WantedVersion, (string?)null), (confirmed.ConfirmedVersion, confirmed.Refusal));

        // Fixed on Amazon's side and changed in the ERP: the three go again, as patches, and nothing else does.
        amazon.Faults.Clear();
        amazon.ClearCalls();
        foreach (var id in failing)
        {
            var reply = await node.Products.Ask<ProductUpdateResult>(new UpdateProduct(id, 21m, null, null, null, null), TimeSpan.FromSeconds(10));
            Assert.True(reply.Accepted, reply.Error);
        }
        await Probe.UntilAsync(() => failing.All(id => amazon.Catalog.Listing("V" + id)!.Price == 21m), TimeSpan.FromSeconds(30));
        var pushes = amazon.Calls.Where(c => c.Operation is "patchListingsItem" or "createFeed").ToList();
        Assert.Equal(failing.Select(id => "V" + id).Order(), pushes.Select(c => c.Path.Split('/').Last()).Order());
        Assert.All(Enumerable.Range(1, Catalog).Where(i => !failing.Contains(i.ToString())),
            i => Assert.Equal(1, amazon.Catalog.Listing("V" + i)!.FeedMessagesApplied + amazon.Catalog.Listing("V" + i)!.PatchesApplied));
    }

    [Fact]
    public async Task An_access_token_that_expires_while_feeds_run_is_bought_again_and_no_push_is_lost()
    {
        const int Catalog = 2_000;
        // Each feed takes seconds to process, so the token can expire while the client reads its status.
        await using var amazon = await AmazonAsync(Catalog, TimeSpan.FromSeconds(1));
        var options = Options(amazon);
        await using var node = await NodeAsync(options);
        var odoo = new ScriptedOdoo();
        var feeder = Feeder(node, odoo, options);
        var ids = Enumerable.Range(1, Catalog).Select(i => (long)i).ToList();

        await feeder.FeedIdsAsync(ids.Take(1_000).ToList(), CancellationToken.None);
        await Probe.UntilAsync(() => amazon.Feeds.Any(f => f.FeedType == "JSON_LISTINGS_FEED"), TimeSpan.FromSeconds(30));
        amazon.Faults.ExpireAccessTokensNow();
        for (var page = 0; page < Catalog / 500; page++) odoo.Next(Task.FromResult(30m)); // one scripted answer a read of 500
        await feeder.FeedIdsAsync(ids, CancellationToken.None);

        await Probe.UntilAsync(() => AllShow(amazon, Catalog, 30m), TimeSpan.FromSeconds(90));
        Assert.True(amazon.Counters.ExpiredTokenAnswers >= 1, "no call met the expired token");
        Assert.True(amazon.Counters.TokensIssued >= 2, $"{amazon.Counters.TokensIssued} tokens issued");
        // The listings show before the feed's report is read: the pushes are confirmed when the client has read it.
        var sample = new[] { "1", "500", "1000", "1001", "2000" };
        await Probe.UntilAsync(() => sample.All(id => node.PushEntryAsync(Connection, id).Result is { Pending: false, Refusal: null }), TimeSpan.FromSeconds(30));
    }
}
