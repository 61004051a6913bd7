using System.Diagnostics;
using Xunit.Abstractions;

namespace CartonaActors.Cluster.Tests;

/// <summary>Three real nodes restarted one after the other (SIGTERM, start, ready, next) under an ERP change load.</summary>
public sealed class RollingRestartSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task A_rolling_restart_of_all_three_nodes_under_load_loses_no_update_duplicates_no_order_and_leaves_no_unconfirmed_work()
    {
        var clock = Stopwatch.StartNew();
        await using var world = await ClusterWorld.StartAsync("rolling-restart", variants: 300);
        await world.LoadCatalogAsync(TimeSpan.FromSeconds(60));
        await world.UntilQuiescentAsync(TimeSpan.FromSeconds(60));

        using var stop = new CancellationTokenSource();
        var load = new OdooChangeLoad(world, seed: 23);
        var orders = new ClusterOrders(world, seed: 5);
        orders.Place(10);
        var running = load.RunAsync(stop.Token, atMost: TimeSpan.FromMinutes(4));
        await Until.TrueAsync(() => load.Changes >= 50, TimeSpan.FromSeconds(30), "50 changes before the restarts");
        var restarts = new List<string>();
        for (var i = 0; i < ClusterWorld.NodeCount; i++)
        {
            var restart = Stopwatch.StartNew();
            // A graceful stop leaves the cluster and hands the node's shards over: it must end by itself, with 0.
            Assert.Equal(0, await world.Node(i).StopAsync(TimeSpan.FromSeconds(60)));
            var stopped = restart.Elapsed;
            orders.Place(5); // placed while node i is down
            await world.RestartAsync(i);
            restarts.Add($"node {i}: stopped in {stopped.TotalSeconds:0.0} s, ready again after {restart.Elapsed.TotalSeconds:0.0} s");
        }
        var atLastRestart = load.Changes;
        await Until.TrueAsync(() => load.Changes >= atLastRestart + 50, TimeSpan.FromSeconds(30), "50 changes after the last restart");
        await stop.CancelAsync();
        await running;
        var loadEnded = clock.Elapsed;

        await orders.SettleAndVerifyAsync(TimeSpan.FromSeconds(90));
        output.WriteLine($"{load.Changes} Odoo changes during the rolling restart; {string.Join("; ", restarts)}; " +
                         $"{orders.Placed.Count} orders imported once each and approved; quiescent {(clock.Elapsed - loadEnded).TotalSeconds:0.0} s after the load ended; logs {world.LogDir}");
    }
}
