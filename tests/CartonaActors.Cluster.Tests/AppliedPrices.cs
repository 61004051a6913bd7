using System.Globalization;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Cluster.Tests;

/// <summary>
/// Every price Cartona applied, per listing, in the order it applied them, to check that no value ever went
/// backwards: each price the load sets is unique, so its position in the variant's Odoo history says which
/// change it came from, and that position may only grow.
/// </summary>
public sealed class AppliedPrices
{
    private readonly Dictionary<string, List<(decimal Price, DateTimeOffset At)>> _applied = new(StringComparer.Ordinal);

    public AppliedPrices(CartonaEmulator cartona) => cartona.ItemApplied += item =>
    {
        if (item.InternalProductId is not { } id || item.SellingPrice is not { } text) return;
        lock (_applied)
        {
            if (!_applied.TryGetValue(id, out var list)) _applied[id] = list = [];
            list.Add((decimal.Parse(text, CultureInfo.InvariantCulture), item.AppliedAt));
        }
    };

    /// <summary>Each time Cartona applied a price from an older Odoo change than one it had applied before.</summary>
    public List<string> Backwards(ClusterWorld world, OdooChangeLoad load)
    {
        var backwards = new List<string>();
        lock (_applied)
        {
            for (var i = 0; i < world.Variants; i++)
            {
                var history = load.PricesOf(i).ToList();
                if (history.Count == 0 || !_applied.TryGetValue(world.Seed.VariantIds[i].ToString(CultureInfo.InvariantCulture), out var applied)) continue;
                var newest = -1;
                // The changes Cartona applied, in its order (-1: the price before the load), to describe a failure.
                var order = string.Join(" ", applied.Select(p => $"{history.IndexOf(p.Price)}@{p.At:HH:mm:ss.fff}"));
                foreach (var (price, _) in applied)
                {
                    var at = history.IndexOf(price);
                    if (at < 0) continue; // the price before the load
                    if (at < newest) backwards.Add($"variant {world.Seed.VariantIds[i]}: {price} (change {at}) after change {newest}; applied: {order}");
                    newest = Math.Max(newest, at);
                }
            }
        }
        return backwards;
    }

    public int Count
    {
        get { lock (_applied) return _applied.Values.Sum(l => l.Count); }
    }
}
