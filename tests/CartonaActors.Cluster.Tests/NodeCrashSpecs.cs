using System.Diagnostics;
using Xunit.Abstractions;

namespace CartonaActors.Cluster.Tests;

/// <summary>Three real nodes; one is SIGKILLed in the middle of an ERP change load and started again.</summary>
public sealed class NodeCrashSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task A_node_killed_during_a_change_load_loses_no_update_duplicates_no_order_and_leaves_no_unconfirmed_work()
    {
        var clock = Stopwatch.StartNew();
        await using var world = await ClusterWorld.StartAsync("node-crash", variants: 300);
        var up = clock.Elapsed;
        await world.LoadCatalogAsync(TimeSpan.FromSeconds(60));
        await world.UntilQuiescentAsync(TimeSpan.FromSeconds(60));

        using var stop = new CancellationTokenSource();
        var load = new OdooChangeLoad(world, seed: 11);
        var orders = new ClusterOrders(world, seed: 5);
        orders.Place(10);
        var running = load.RunAsync(stop.Token, atMost: TimeSpan.FromMinutes(3));
        await Until.TrueAsync(() => load.Changes >= 100, TimeSpan.FromSeconds(30), "100 changes before the crash");
        // Node 0 is the first seed and normally the oldest member: it hosts the shard coordinator, so its crash
        // also moves the coordinator; whatever it held in memory (buffered pushes, in-flight batches) is lost.
        await world.Node(0).KillAsync();
        var atKill = load.Changes;
        orders.Place(10); // pulled by a surviving node while node 0 is dead, or by node 0 after its restart
        await Until.TrueAsync(() => load.Changes >= atKill + 100, TimeSpan.FromSeconds(30), "100 changes while node 0 is dead");
        await world.RestartAsync(0);
        var atRestart = load.Changes;
        orders.Place(10);
        await Until.TrueAsync(() => load.Changes >= atRestart + 100, TimeSpan.FromSeconds(30), "100 changes after the restart");
        await stop.CancelAsync();
        await running;
        var loadEnded = clock.Elapsed;

        await orders.SettleAndVerifyAsync(TimeSpan.FromSeconds(90));
        output.WriteLine($"cluster ready after {up.TotalSeconds:0.0} s; {load.Changes} Odoo changes ({atKill} before the kill, " +
                         $"{atRestart - atKill} while node 0 was down); {orders.Placed.Count} orders imported once each and approved; quiescent {(clock.Elapsed - loadEnded).TotalSeconds:0.0} s after the load ended; logs {world.LogDir}");
    }
}
