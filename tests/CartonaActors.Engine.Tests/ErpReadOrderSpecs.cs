using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Engine.Erp;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Tests;

/// <summary>
/// Reads of one variant through different paths (a webhook's read, a poll page, a settle re-read) finish in any
/// order. The product keeps the newest read by its start, whatever order the reads finish in.
/// </summary>
public sealed class ErpReadOrderSpecs
{
    private const long Variant = 7;

    [Fact]
    public async Task A_read_that_started_first_but_finished_last_does_not_replace_the_newer_value()
    {
        await using var cartona = await Emulators.CartonaAsync(10);
        await using var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite()));
        var odoo = new ScriptedOdoo();
        var feeder = new ErpProductFeeder(odoo, node.Products, node.Ranges, [], pageSize: 100, concurrency: 4);

        // The slow read sees 21 (Odoo before the change) and answers only after the fast read, which sees 23.
        var slowAnswer = new TaskCompletionSource<decimal>(TaskCreationOptions.RunContinuationsAsynchronously);
        odoo.Next(slowAnswer.Task);
        var slow = feeder.FeedIdsAsync([Variant], CancellationToken.None);
        await Probe.UntilAsync(() => odoo.ReadsStarted == 1, TimeSpan.FromSeconds(5));
        odoo.Next(Task.FromResult(23m));
        var fast = await feeder.FeedIdsAsync([Variant], CancellationToken.None);
        Assert.Equal(1, fast.Changed);
        slowAnswer.SetResult(21m);
        var late = await slow;

        Assert.Equal(1, late.Outdated);
        Assert.Equal(0, late.Changed);
        var state = await node.Products.Ask<ProductState>(new GetProduct(OdooProductMapping.ProductId(Variant)), TimeSpan.FromSeconds(5));
        Assert.Equal(23m, state.Price);
    }

    [Fact]
    public async Task A_value_set_directly_applies_after_any_ERP_read()
    {
        await using var cartona = await Emulators.CartonaAsync(10);
        await using var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite()));
        var odoo = new ScriptedOdoo();
        await new ErpProductFeeder(odoo, node.Products, node.Ranges, [], 100, 4).FeedIdsAsync([Variant], CancellationToken.None);

        var id = OdooProductMapping.ProductId(Variant);
        var result = await node.Products.Ask<ProductUpdateResult>(new UpdateProduct(id, 31m, null, null, null, null), TimeSpan.FromSeconds(5));
        Assert.Equal(1, result.EventsWritten);
        var state = await node.Products.Ask<ProductState>(new GetProduct(id), TimeSpan.FromSeconds(5));
        Assert.Equal(31m, state.Price);
    }

    [Fact]
    public async Task A_pollers_re_read_of_what_it_fed_is_not_fed_again_but_a_webhooks_read_is()
    {
        await using var cartona = await Emulators.CartonaAsync(10);
        await using var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite()));
        var feeder = new ErpProductFeeder(new ScriptedOdoo(), node.Products, node.Ranges, [], 100, 4);
        var page = new PolledPage(new CartonaActors.Domain.Erp.PolledValues(),
            new Dictionary<long, DateTime> { [Variant] = DateTime.UtcNow.AddSeconds(-10) });

        Assert.Equal(1, (await feeder.FeedIdsAsync([Variant], CancellationToken.None, page)).Changed);
        var again = await feeder.FeedIdsAsync([Variant], CancellationToken.None, page);
        Assert.Equal((1, 0), (again.Skipped, again.Changed));
        Assert.Equal(0, (await feeder.FeedIdsAsync([Variant], CancellationToken.None)).Skipped);
    }
}
