using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;
using CartonaActors.Engine.Configuration;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Tests.Contract;

/// <summary>
/// What every platform must do through the same engine, run against that platform's own emulator over real
/// HTTP: take linked products in bulk, show them, refuse one item without holding back the rest, be paced by a
/// 429's Retry-After, and receive after a restart what was pending before it. A platform is added here by one
/// subclass that says how its emulator is started, faulted and read.
/// </summary>
public abstract class MarketplaceContract : IAsyncLifetime
{
    protected const string Connection = "market";
    protected const int Catalog = 400;

    public abstract Task InitializeAsync();
    public abstract Task DisposeAsync();

    /// <summary>The connection to the running emulator.</summary>
    protected abstract ConnectionSettings Settings();

    /// <summary>The platform's key kind for a listing id (the emulator knows ids 1..<see cref="Catalog"/>).</summary>
    protected abstract string ListingKind { get; }

    /// <summary>Price and stock the marketplace shows for a listing id (null: nothing pushed yet).</summary>
    protected abstract (decimal? Price, int? Stock) Shown(string listingId);

    protected abstract void RateLimitNextPush(int retryAfterSeconds);

    /// <summary>The least pause the connection must keep after that 429: its Retry-After, or on a platform that sends
    /// none, the backoff its client documents.</summary>
    protected virtual TimeSpan PauseAfterRateLimit(int retryAfterSeconds) => TimeSpan.FromSeconds(retryAfterSeconds - 0.1);

    /// <summary>When the emulator answered 429 to a push, and when it next accepted one.</summary>
    protected abstract (DateTimeOffset RateLimitedAt, DateTimeOffset NextAcceptedAt)? RateLimitedPush();

    protected abstract void FailEveryCall();
    protected abstract void Heal();
    protected abstract bool AnyCallFailed();

    private CartonaActorsOptions Options(PersistenceOptions persistence) => new()
    {
        Persistence = persistence,
        Sync = new SyncOptions
        {
            DebounceQuietWindow = TimeSpan.FromMilliseconds(100),
            DebounceMaxDelay = TimeSpan.FromMilliseconds(500),
            RetryMinBackoff = TimeSpan.FromMilliseconds(100),
            RetryMaxBackoff = TimeSpan.FromSeconds(1),
            ResendAfter = TimeSpan.FromSeconds(10),
        },
        Connections = [Settings()],
    };

    private UpdateProduct Change(int id, decimal price, int stock) =>
        new($"sku-{id}", price, new Dictionary<string, decimal> { ["WH1"] = stock }, null,
            [new ListingRequest(Connection, new ListingRef(ListingKind, id.ToString()))], null);

    private static async Task UpdateAllAsync(TestNode node, IEnumerable<UpdateProduct> updates)
    {
        var replies = await Task.WhenAll(updates.Select(u => node.Products.Ask<ProductUpdateResult>(u, TimeSpan.FromSeconds(30))));
        Assert.All(replies, r => Assert.True(r.Accepted, r.Error));
    }

    private Task ShownAsync(IEnumerable<int> ids, Func<int, (decimal, int)> expected, TimeSpan within) =>
        Probe.UntilAsync(() => ids.All(i => Shown(i.ToString()) == ((decimal?)expected(i).Item1, (int?)expected(i).Item2)), within);

    [Fact]
    public async Task A_burst_of_linked_products_arrives_in_bulk_and_reads_back()
    {
        await using var node = await TestNode.StartAsync(Options(Databases.NewSqlite()));
        var ids = Enumerable.Range(1, 300).ToList();
        await UpdateAllAsync(node, ids.Select(i => Change(i, 10m + i, i % 17)));
        // Then a second wave: only the newest values may remain.
        await UpdateAllAsync(node, ids.Where(i => i % 3 == 0).Select(i => Change(i, 500m + i, 3)));

        await ShownAsync(ids, i => i % 3 == 0 ? (500m + i, 3) : (10m + i, i % 17), TimeSpan.FromSeconds(60));
        var status = await node.Marketplaces.Ask<MarketplaceStatus>(new GetMarketplaceStatus(Connection), TimeSpan.FromSeconds(5));
        Assert.True(status.Ledger.Batches < 300, $"{status.Ledger.Batches} calls for 300 products: not bulk");
        Assert.Equal(0, status.Ledger.ItemsRejected);
    }

    [Fact]
    public async Task One_refused_item_is_recorded_on_its_product_and_the_others_arrive()
    {
        await using var node = await TestNode.StartAsync(Options(Databases.NewSqlite()));
        var good = Enumerable.Range(1, 20).ToList();
        await UpdateAllAsync(node, good.Select(i => Change(i, 7m, 2)).Append(Change(999_999, 7m, 2)));

        await ShownAsync(good, _ => (7m, 2), TimeSpan.FromSeconds(30));
        await Probe.UntilAsync(() => node.PushEntryAsync(Connection, "sku-999999").Result.Refusal is not null, TimeSpan.FromSeconds(30));
        var status = await node.Marketplaces.Ask<MarketplaceStatus>(new GetMarketplaceStatus(Connection), TimeSpan.FromSeconds(5));
        Assert.Equal(1, status.Ledger.ItemsRejected);
        Assert.Contains(status.Ledger.RecentIssues, i => i.Kind == "item_rejected" && i.ProductId == "sku-999999");
    }

    [Fact]
    public async Task A_429_pauses_the_connection_for_its_Retry_After_and_nothing_is_lost()
    {
        var options = Options(Databases.NewSqlite());
        // One call at a time, so "the next push" is one sent after the 429 was read, not one already on the wire.
        options.Connections[0].MaxConcurrentRequests = 1;
        await using var node = await TestNode.StartAsync(options);
        RateLimitNextPush(retryAfterSeconds: 2);
        var ids = Enumerable.Range(1, 10).ToList();
        await UpdateAllAsync(node, ids.Select(i => Change(i, 3m, i)));

        await ShownAsync(ids, i => (3m, i), TimeSpan.FromSeconds(30));
        var (limitedAt, nextAt) = RateLimitedPush() ?? throw new Xunit.Sdk.XunitException("the emulator never answered 429");
        Assert.True(nextAt - limitedAt >= PauseAfterRateLimit(2), $"next push {(nextAt - limitedAt).TotalSeconds:0.00} s after the 429");
        var status = await node.Marketplaces.Ask<MarketplaceStatus>(new GetMarketplaceStatus(Connection), TimeSpan.FromSeconds(5));
        Assert.Contains(status.Ledger.RecentIssues, i => i.Kind == "rate_limited");
    }

    [Fact]
    public async Task Work_pending_at_a_restart_is_delivered_by_the_next_node_without_touching_the_products()
    {
        var persistence = Databases.NewSqlite();
        FailEveryCall();
        var ids = Enumerable.Range(1, 30).ToList();
        await using (var first = await TestNode.StartAsync(Options(persistence)))
        {
            await UpdateAllAsync(first, ids.Select(i => Change(i, 40m + i, i)));
            await Probe.UntilAsync(AnyCallFailed, TimeSpan.FromSeconds(30));
            Assert.All(ids, i => Assert.Null(Shown(i.ToString()).Price));
        }

        Heal();
        await using var second = await TestNode.StartAsync(Options(persistence));
        await ShownAsync(ids, i => (40m + i, i), TimeSpan.FromSeconds(60));
    }
}
