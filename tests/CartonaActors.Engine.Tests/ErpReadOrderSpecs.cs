using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Engine.Erp;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Tests;

/// <summary>
/// Reads of one variant through different paths (a webhook's read, a poll page, a settle re-read) finish in any
/// order, and two that run at the same time may have seen Odoo in either order. The product applies a read only
/// when it is surely newer than the one it holds; of two that overlapped it keeps its own and the feeder reads again.
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
        odoo.Next(Task.FromResult(23m)); // Odoo now, for the read that settles which of the two was newer
        slowAnswer.SetResult(21m);
        var late = await slow;

        Assert.Equal((1, 1, 0), (late.Outdated, late.ReadAgain, late.Changed));
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

    [Fact]
    public async Task A_read_that_started_later_but_saw_Odoo_earlier_does_not_put_back_an_older_value()
    {
        await using var cartona = await Emulators.CartonaAsync(10);
        await using var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite()));
        var odoo = new ScriptedOdoo();
        var feeder = new ErpProductFeeder(odoo, node.Products, node.Ranges, [], pageSize: 100, concurrency: 4);

        // Read A starts first but reaches Odoo after the change (23); read B starts second, sees Odoo before the
        // change (21) and its answer comes last. Ordered by start, B would win and Cartona would go back to 21.
        var a = new TaskCompletionSource<decimal>(TaskCreationOptions.RunContinuationsAsynchronously);
        var b = new TaskCompletionSource<decimal>(TaskCreationOptions.RunContinuationsAsynchronously);
        odoo.Next(a.Task);
        var readA = feeder.FeedIdsAsync([Variant], CancellationToken.None);
        await Probe.UntilAsync(() => odoo.ReadsStarted == 1, TimeSpan.FromSeconds(5));
        odoo.Next(b.Task);
        var readB = feeder.FeedIdsAsync([Variant], CancellationToken.None);
        await Probe.UntilAsync(() => odoo.ReadsStarted == 2, TimeSpan.FromSeconds(5));
        a.SetResult(23m);
        Assert.Equal(1, (await readA).Changed);
        odoo.Next(Task.FromResult(23m));
        b.SetResult(21m);
        var late = await readB;

        Assert.Equal((1, 1, 0), (late.Outdated, late.ReadAgain, late.Changed));
        var state = await node.Products.Ask<ProductState>(new GetProduct(OdooProductMapping.ProductId(Variant)), TimeSpan.FromSeconds(5));
        Assert.Equal(23m, state.Price);
    }

    [Fact]
    public async Task A_read_that_started_first_but_saw_Odoo_last_is_read_again_and_its_newer_value_applies()
    {
        await using var cartona = await Emulators.CartonaAsync(10);
        await using var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite()));
        var odoo = new ScriptedOdoo();
        var feeder = new ErpProductFeeder(odoo, node.Products, node.Ranges, [], pageSize: 100, concurrency: 4);

        // A starts first and reaches Odoo after the change (23); B starts second, sees 21 and answers first.
        var a = new TaskCompletionSource<decimal>(TaskCreationOptions.RunContinuationsAsynchronously);
        odoo.Next(a.Task);
        var readA = feeder.FeedIdsAsync([Variant], CancellationToken.None);
        await Probe.UntilAsync(() => odoo.ReadsStarted == 1, TimeSpan.FromSeconds(5));
        odoo.Next(Task.FromResult(21m));
        Assert.Equal(1, (await feeder.FeedIdsAsync([Variant], CancellationToken.None)).Changed);
        odoo.Next(Task.FromResult(23m));
        a.SetResult(23m);
        var late = await readA;

        // Ordered by start, A would be dropped and the product would keep 21 until some later read.
        Assert.Equal((1, 1, 1), (late.Outdated, late.ReadAgain, late.Changed));
        var state = await node.Products.Ask<ProductState>(new GetProduct(OdooProductMapping.ProductId(Variant)), TimeSpan.FromSeconds(5));
        Assert.Equal(23m, state.Price);
    }
}
