using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Engine.Erp;

namespace CartonaActors.Engine.Tests;

/// <summary>
/// ERP reads of variants no entity needed yet land in their id range: one write per batch, pushed like a product's,
/// without starting a product entity. The first thing that needs a product alone (here a direct change) starts
/// its entity, which takes over the range's state and version; the range then forwards that product's reads.
/// </summary>
public sealed class ProductRangeEngineSpecs
{
    private const int Variants = 300;

    [Fact]
    public async Task A_catalog_batch_is_pushed_without_starting_products_and_an_adopted_product_keeps_the_newest_value()
    {
        await using var cartona = await Emulators.CartonaAsync(Variants);
        var options = TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite());
        await using var node = await TestNode.StartAsync(options);
        var odoo = new ScriptedOdoo();
        var feeder = new ErpProductFeeder(odoo, node.Products, node.Ranges, TestNode.Platforms.OpenAll(options.Connections), 100, 4);
        var ids = Enumerable.Range(1, Variants).Select(i => (long)i).ToList();

        var first = await feeder.FeedIdsAsync(ids, CancellationToken.None);
        Assert.Equal((Variants, Variants, 0), (first.Variants, first.Changed, first.Refused));
        await Probe.UntilAsync(() => cartona.Catalog.All().All(p => p.SellingPrice == "20.0"), TimeSpan.FromSeconds(60));
        Assert.Equal(0, EngineCounters.For(node.System).ProductsStarted);

        // Unchanged reads write nothing.
        Assert.Equal(0, (await feeder.FeedIdsAsync(ids, CancellationToken.None)).Changed);

        // A change set directly needs the product alone: its entity starts and continues the range's version.
        var direct = await node.Products.Ask<ProductUpdateResult>(new UpdateProduct("5", 31m, null, null, null, null), TimeSpan.FromSeconds(10));
        Assert.True(direct.Accepted, direct.Error);
        Assert.Equal((2L, 1), (direct.Version, direct.EventsWritten));
        Assert.Equal(1, EngineCounters.For(node.System).ProductsStarted);
        await Probe.UntilAsync(() => cartona.Catalog.TryGet("5")!.SellingPrice == "31.0", TimeSpan.FromSeconds(30));

        // A newer ERP read of the whole batch: the range applies its own products and forwards product 5.
        odoo.Next(Task.FromResult(25m));
        var newer = await feeder.FeedIdsAsync(ids.Take(100).ToList(), CancellationToken.None);
        Assert.Equal(100, newer.Changed);
        var five = await node.Products.Ask<ProductState>(new GetProduct("5"), TimeSpan.FromSeconds(10));
        Assert.Equal((25m, 3L), (five.Price, five.Version));
        await Probe.UntilAsync(() => cartona.Catalog.All().Where(p => int.Parse(p.InternalProductId!) <= 100).All(p => p.SellingPrice == "25.0"),
            TimeSpan.FromSeconds(60));
        Assert.Equal("20.0", cartona.Catalog.TryGet("101")!.SellingPrice);
        Assert.Equal(1, EngineCounters.For(node.System).ProductsStarted);
    }

    [Fact]
    public async Task Each_range_product_the_marketplace_confirms_is_one_observation_of_the_change_to_confirm_latency()
    {
        const int variants = 20;
        await using var cartona = await Emulators.CartonaAsync(variants);
        var options = TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite());
        // Unique: other specs' nodes record the same meter in this process meanwhile.
        var connection = options.Connections[0].Name = "range-latency-" + Guid.NewGuid().ToString("N")[..8];
        var observed = new ConcurrentQueue<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SyncMetrics.MeterName && instrument.Name == "cartona.sync.change_to_confirm") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "connection" && Equals(tag.Value, connection)) observed.Enqueue(value);
        });
        listener.Start();
        await using var node = await TestNode.StartAsync(options);
        var feeder = new ErpProductFeeder(new ScriptedOdoo(), node.Products, node.Ranges, TestNode.Platforms.OpenAll(options.Connections), 100, 4);

        Assert.Equal(variants, (await feeder.FeedIdsAsync(Enumerable.Range(1, variants).Select(i => (long)i).ToList(), CancellationToken.None)).Changed);

        await Probe.UntilAsync(() => observed.Count >= variants, TimeSpan.FromSeconds(30));
        Assert.All(observed, seconds => Assert.InRange(seconds, 0, 30));
        Assert.Equal(0, EngineCounters.For(node.System).ProductsStarted); // the range's own offers, no product entity's
    }

    [Fact]
    public async Task Range_pushes_pending_behind_a_failing_marketplace_are_delivered_after_a_restart_without_starting_products()
    {
        await using var cartona = await Emulators.CartonaAsync(Variants);
        cartona.Faults.FailAll(503);
        var options = TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite());
        var ids = Enumerable.Range(1, Variants).Select(i => (long)i).ToList();
        await using (var first = await TestNode.StartAsync(options))
        {
            var feeder = new ErpProductFeeder(new ScriptedOdoo(), first.Products, first.Ranges, TestNode.Platforms.OpenAll(options.Connections), 100, 4);
            Assert.Equal(Variants, (await feeder.FeedIdsAsync(ids, CancellationToken.None)).Changed);
            await Probe.UntilAsync(() => cartona.Calls.Any(c => c.Status == 503), TimeSpan.FromSeconds(30));
        }

        cartona.Faults.Clear();
        await using var second = await TestNode.StartAsync(options);
        await Probe.UntilAsync(() => cartona.Catalog.All().All(p => p.SellingPrice == "20.0"), TimeSpan.FromSeconds(60));
        Assert.Equal(0, EngineCounters.For(second.System).ProductsStarted);
        // The range's state outlived the node: reading a product adopts it with the value the range held.
        var state = await second.Products.Ask<ProductState>(new GetProduct("7"), TimeSpan.FromSeconds(10));
        Assert.Equal((20m, 1L), (state.Price, state.Version));
        Assert.Equal("cartona", Assert.Single(state.Listings).Key);
    }
}
