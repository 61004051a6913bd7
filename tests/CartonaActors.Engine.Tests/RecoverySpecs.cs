using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Engine.Configuration;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Engine.Tests;

/// <summary>
/// Stop the actor system while pushes are unconfirmed, start a new one on the same journal, and the
/// marketplace receives them — without anyone touching the products again (the roster wakes them).
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
}
