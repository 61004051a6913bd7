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

    private readonly Dictionary<int, List<decimal>> _prices = [];

    public int Changes { get; private set; }

    /// <summary>Every price set on the variant's template, in Odoo's order; each one set only once in the run.</summary>
    public IReadOnlyList<decimal> PricesOf(int index) => _prices.TryGetValue(index, out var list) ? list : [];

    /// <summary>Changes until <paramref name="stop"/> is cancelled (or <paramref name="atMost"/> passed, a bound for safety).</summary>
    public async Task RunAsync(CancellationToken stop, TimeSpan atMost)
    {
        var until = DateTime.UtcNow + atMost;
        while (!stop.IsCancellationRequested && DateTime.UtcNow < until)
        {
            var i = _random.Next(world.Variants);
            world.PointWebhooksAt(_random.Next(ClusterWorld.NodeCount));
            if (_random.Next(2) == 0)
            {
                // A price no other change sets, so what a marketplace shows tells which change it came from.
                var price = 5m + Changes / 100m + _random.Next(0, 100) * 1_000m;
                await world.Odoo.SetListPriceAsync(world.Seed.TemplateIds[i], price);
                if (!_prices.TryGetValue(i, out var list)) _prices[i] = list = [];
                list.Add(price);
            }
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
