namespace CartonaActors.Cluster.Tests;

/// <summary>
/// A busy ERP: price and free-stock changes of random variants, one Odoo transaction each, every change's
/// webhooks posted to a random node (dead ones included: those webhooks are lost and only the poller finds the
/// change). Paced at about 30 changes a second, well within what one Cartona connection drains.
/// </summary>
public sealed class OdooChangeLoad(ClusterWorld world, int seed)
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(30);
    private readonly Random _random = new(seed);

    public int Changes { get; private set; }

    /// <summary>Changes until <paramref name="stop"/> is cancelled (or <paramref name="atMost"/> passed, a bound for safety).</summary>
    public async Task RunAsync(CancellationToken stop, TimeSpan atMost)
    {
        var until = DateTime.UtcNow + atMost;
        while (!stop.IsCancellationRequested && DateTime.UtcNow < until)
        {
            var i = _random.Next(world.Variants);
            world.PointWebhooksAt(_random.Next(ClusterWorld.NodeCount));
            if (_random.Next(2) == 0)
                await world.Odoo.SetListPriceAsync(world.Seed.TemplateIds[i], 5m + _random.Next(0, 100_000) / 100m);
            else
                await world.Odoo.SetStockAsync(world.Seed.VariantIds[i], world.Warehouse, _random.Next(0, 200), reserved: _random.Next(0, 4));
            Changes++;
            try
            {
                await Task.Delay(Pace, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
