using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;
using CartonaActors.Engine.Configuration;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Engine.Tests;

/// <summary>
/// Stop the actor system while pushes are unconfirmed (or not even offered to the push slices yet), start a new
/// one on the same journal, and the marketplace receives them without anyone touching the products again; with
/// nothing pending, a restart starts no product at all.
/// </summary>
public sealed class RecoverySpecs
{
    [Fact]
    public Task Unconfirmed_pushes_survive_a_restart_on_sqlite() => RestartDeliversAsync(Databases.NewSqlite());

    [Fact]
    public async Task Unconfirmed_pushes_survive_a_restart_on_postgresql() => await RestartDeliversAsync(await Databases.NewPostgreSqlAsync());

    private static async Task RestartDeliversAsync(PersistenceOptions persistence)
    {
        const int products = 50;
        await using var cartona = await Emulators.CartonaAsync(products);
        cartona.Faults.FailAll(503);
        var options = TestNode.Options(cartona.BaseUrl, Emulators.Token, persistence);

        await using (var first = await TestNode.StartAsync(options))
        {
            var updates = Enumerable.Range(1, products).Select(i => first.Products.Ask<ProductUpdateResult>(
                new UpdateProduct($"sku-{i}", 100m + i, new Dictionary<string, decimal> { ["WH1"] = i }, null,
                    [new ListingRequest("cartona", new ListingRef("InternalProductId", i.ToString()))], null),
                TimeSpan.FromSeconds(30)));
            Assert.All(await Task.WhenAll(updates), r => Assert.True(r.Accepted, r.Error));
            // The pushes were attempted and failed: nothing is confirmed when the node goes down.
            await Probe.UntilAsync(() => cartona.Calls.Any(c => c.Status == 503), TimeSpan.FromSeconds(30));
            Assert.All(cartona.Catalog.All(), p => Assert.Null(p.SellingPrice));
        }

        cartona.Faults.Clear();
        await using var second = await TestNode.StartAsync(options);
        await Probe.UntilAsync(() => cartona.Catalog.All().All(p => p.SellingPrice is not null), TimeSpan.FromSeconds(60));
        foreach (var i in Enumerable.Range(1, products))
        {
            var shown = cartona.Catalog.TryGet(i.ToString())!;
            Assert.Equal($"{100 + i}.0", shown.SellingPrice);
            Assert.Equal(i, shown.AvailableStockQuantity);
        }
    }

    [Fact]
    public async Task A_change_stored_but_not_yet_offered_when_the_node_stops_is_pushed_after_the_restart()
    {
        await using var cartona = await Emulators.CartonaAsync(5);
        var options = TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite());
        // A quiet window longer than the node lives: the change is in the product's journal only.
        options.Sync.DebounceQuietWindow = options.Sync.DebounceMaxDelay = TimeSpan.FromMinutes(5);
        await using (var first = await TestNode.StartAsync(options))
        {
            var result = await first.Products.Ask<ProductUpdateResult>(new UpdateProduct("sku-1", 42m, new Dictionary<string, decimal> { ["WH1"] = 7 }, null,
                [new ListingRequest("cartona", new ListingRef("InternalProductId", "1"))], null), TimeSpan.FromSeconds(30));
            Assert.True(result.Accepted, result.Error);
            Assert.False((await first.PushEntryAsync("cartona", "sku-1")).Known);
        }

        await using var second = await TestNode.StartAsync(options);
        // The follower starts the product from the journal position it had not got past: no debounce on that path.
        await Probe.UntilAsync(() => cartona.Catalog.TryGet("1")!.SellingPrice == "42.0", TimeSpan.FromSeconds(60));
        Assert.Equal(7, cartona.Catalog.TryGet("1")!.AvailableStockQuantity);
    }

    [Fact]
    public async Task A_restart_with_everything_confirmed_starts_no_product()
    {
        const int products = 30;
        await using var cartona = await Emulators.CartonaAsync(products);
        var options = TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite());
        await using (var first = await TestNode.StartAsync(options))
        {
            await Task.WhenAll(Enumerable.Range(1, products).Select(i => first.Products.Ask<ProductUpdateResult>(
                new UpdateProduct($"sku-{i}", 10m + i, null, null, [new ListingRequest("cartona", new ListingRef("InternalProductId", i.ToString()))], null),
                TimeSpan.FromSeconds(30))));
            await Probe.UntilAsync(() => cartona.Catalog.All().All(p => p.SellingPrice is not null), TimeSpan.FromSeconds(60));
            // The marketplace applying a call is not the slices storing its confirmation: wait for that too, or the
            // next node rightly sends the unconfirmed items again.
            await Probe.UntilAsync(async () => (await Task.WhenAll(Enumerable.Range(1, products).Select(i => first.PushEntryAsync("cartona", $"sku-{i}"))))
                .All(e => e.Known && !e.Pending && !e.InFlight), TimeSpan.FromSeconds(30));
            // The follower has stored a position past every product event.
            var newest = NewestProductEvent(options.Persistence);
            await Probe.UntilAsync(async () => (await first.FollowerAsync()).Saved >= newest, TimeSpan.FromSeconds(30));
        }

        var callsBefore = cartona.Calls.Count;
        await using var second = await TestNode.StartAsync(options);
        await Probe.UntilAsync(async () => (await second.FollowerAsync()).Following, TimeSpan.FromSeconds(30));
        Assert.True((await second.PushEntryAsync("cartona", "sku-1")).Known);
        var sync = await second.Marketplaces.Ask<MarketplaceStatus>(new GetMarketplaceStatus("cartona"), TimeSpan.FromSeconds(5));
        Assert.Equal(0, sync.Waiting);
        Assert.Equal(0, EngineCounters.For(second.System).ProductsStarted);
        Assert.Equal(callsBefore, cartona.Calls.Count);
    }

    private static long NewestProductEvent(PersistenceOptions sqlite)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(sqlite.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(ordering) FROM journal WHERE persistence_id LIKE 'product-%'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
