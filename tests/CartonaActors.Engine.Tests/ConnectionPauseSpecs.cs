using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Engine.Tests;

/// <summary>An operator's pause holds every call to the marketplace, survives a restart on the same journal, and
/// on resume the values that waited are delivered.</summary>
public sealed class ConnectionPauseSpecs
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_paused_connection_sends_nothing_even_after_a_restart_and_delivers_the_waiting_values_when_resumed()
    {
        await using var cartona = await Emulators.CartonaAsync(3);
        var options = TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite());
        await using (var first = await TestNode.StartAsync(options))
        {
            var paused = await first.Marketplaces.Ask<MarketplaceStatus>(new PauseConnection("cartona", "price review"), Ask);
            Assert.Equal("price review", paused.Ledger.Paused!.Reason);
            await UpdateAsync(first, 1, 11m);
            await Probe.UntilAsync(async () => (await first.PushEntryAsync("cartona", "sku-1")).Pending, Ask);
        }

        await using var second = await TestNode.StartAsync(options);
        await UpdateAsync(second, 2, 12m);
        var status = await second.Marketplaces.Ask<MarketplaceStatus>(new GetMarketplaceStatus("cartona"), Ask);
        Assert.Equal("price review", status.Ledger.Paused!.Reason);
        await Probe.UntilAsync(async () => (await second.Marketplaces.Ask<MarketplaceStatus>(new GetMarketplaceStatus("cartona"), Ask)).Waiting >= 2, Ask);
        Assert.DoesNotContain(cartona.Calls, c => c.Path.Contains("bulk-update"));

        var resumed = await second.Marketplaces.Ask<MarketplaceStatus>(new ResumeConnection("cartona"), Ask);
        Assert.Null(resumed.Ledger.Paused);
        await Probe.UntilAsync(() => cartona.Catalog.TryGet("1")!.SellingPrice == "11.0" && cartona.Catalog.TryGet("2")!.SellingPrice == "12.0", Ask);
    }

    private static async Task UpdateAsync(TestNode node, int i, decimal price)
    {
        var result = await node.Products.Ask<ProductUpdateResult>(new UpdateProduct($"sku-{i}", price, new Dictionary<string, decimal> { ["WH1"] = 5 }, null,
            [new ListingRequest("cartona", new ListingRef("InternalProductId", i.ToString()))], null), Ask);
        Assert.True(result.Accepted, result.Error);
    }
}
