using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Cluster.Tests;

/// <summary>
/// Odoo changes reach the cluster through different nodes: webhooks land on any node, and the product.product
/// poller (a remembered sharded entity) runs on whichever node holds its shard, which may move. Whatever each node
/// remembers of what it fed, Cartona must end with Odoo's newest value.
/// </summary>
public sealed partial class TwoNodesOneChangeSpecs
{
    private const string PolledModel = "product.product";

    [Fact]
    public async Task Changes_fed_through_different_nodes_by_webhook_and_poll_end_with_Odoos_newest_value_even_when_a_value_returns()
    {
        // The pollers poll only when asked, or when their shard moves to another node and they start there.
        var odooClock = new ShiftedClock();
        await using var world = await ClusterWorld.StartAsync("two-nodes", variants: 20,
            new Dictionary<string, string?> { ["CartonaActors__ErpSync__PollInterval"] = "00:10:00" }, odooClock);
        await world.LoadCatalogAsync(TimeSpan.FromSeconds(60));
        await world.UntilQuiescentAsync(TimeSpan.FromSeconds(60));
        var template = world.Seed.TemplateIds[0];

        // 21 through node 0, 23 through node 1, then 21 again through node 0: node 0 fed 21 before, but the
        // product moved on since. Skipping it there as "unchanged since this node last fed it" leaves Cartona at 23.
        // Written an hour in the past, out of every poll's window, so no poller run (a moved shard restarts its
        // poller, which polls at once) can make up for a skipped webhook.
        odooClock.Offset = TimeSpan.FromHours(-1);
        await ChangeThroughAsync(world, node: 0, template, 21m);
        await ChangeThroughAsync(world, node: 1, template, 23m);
        await ChangeThroughAsync(world, node: 0, template, 21m);
        odooClock.Offset = TimeSpan.Zero;

        // One change by webhook on node 1 and by the poll wherever the poller runs (asked through node 2).
        world.PointWebhooksAt(1);
        await world.Odoo.SetListPriceAsync(template, 24m);
        await PollAsync(world, through: 2);
        await UntilShownAsync(world, 24m, "one change fed by the webhook on node 1 and the poll");

        // A change whose webhook is lost reaches Cartona through the poll alone.
        await world.Odoo.SetListPriceAsync(template, 25m, WebhookMode.Lost);
        await PollAsync(world, through: 2);
        await UntilShownAsync(world, 25m, "a lost webhook's change, found by the poll");
        await world.UntilQuiescentAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Sets the price with the webhook to <paramref name="node"/> and waits until Cartona shows it and the
    /// node's second read (Odoo posts before it commits) is over, so no later read of that node can catch up for it.</summary>
    private static async Task ChangeThroughAsync(ClusterWorld world, int node, long template, decimal price)
    {
        world.PointWebhooksAt(node);
        var feeds = FeedLines(world, node);
        await world.Odoo.SetListPriceAsync(template, price);
        await UntilShownAsync(world, price, $"{price} by webhook to node {node}");
        await Until.TrueAsync(() => FeedLines(world, node) >= feeds + 2, TimeSpan.FromSeconds(20), $"node {node}'s settle re-read");
    }

    private static async Task PollAsync(ClusterWorld world, int through)
    {
        using var response = await world.Node(through).Http.PostAsync($"/api/erp/pollers/{PolledModel}/poll", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static Task UntilShownAsync(ClusterWorld world, decimal price, string what) =>
        Until.TrueAsync(() => world.Shown(0)?.SellingPrice is { } shown && decimal.Parse(shown, CultureInfo.InvariantCulture) == price,
            TimeSpan.FromSeconds(20), $"{what} on Cartona (shows {world.Shown(0)?.SellingPrice}; logs {world.LogDir})");

    private static int FeedLines(ClusterWorld world, int node) => FeedLine().Count(world.Node(node).LogText());

    [GeneratedRegex(@"Odoo changes fed: \d+ variants read")]
    private static partial Regex FeedLine();
}
