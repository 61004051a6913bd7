using CartonaActors.Domain.Connections;

namespace CartonaActors.Domain.Sync;

/// <summary>Turns per-warehouse free quantities into the one number a marketplace connection shows.</summary>
public static class StockAggregation
{
    /// <summary>
    /// Sum of free quantity over the connection's warehouses, truncated to whole units and clamped at zero:
    /// the real module sent negative free quantities as they were, which a marketplace rejects or shows as oversold.
    /// Null when no covered warehouse has ever reported stock.
    /// </summary>
    public static int? FreeQuantity(IReadOnlyDictionary<string, decimal> stockByWarehouse, ConnectionScope scope)
    {
        decimal sum = 0;
        var any = false;
        foreach (var (warehouse, qty) in stockByWarehouse)
        {
            if (!scope.Covers(warehouse)) continue;
            sum += qty;
            any = true;
        }
        if (!any) return null;
        var whole = decimal.Truncate(sum);
        if (whole <= 0) return 0;
        return whole >= int.MaxValue ? int.MaxValue : (int)whole;
    }

    /// <summary>
    /// Free quantity per platform location for a connection that sells per location: each covered warehouse adds
    /// to the location it stocks (unmapped warehouses are not sold there), whole units, at least zero; the held
    /// quantity is taken from the locations in name order; each location then passes the stock rule.
    /// </summary>
    public static System.Collections.Immutable.ImmutableSortedDictionary<string, int> ByLocation(
        IReadOnlyDictionary<string, decimal> stockByWarehouse, ConnectionScope scope, int held)
    {
        var sums = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (warehouse, qty) in stockByWarehouse)
        {
            if (!scope.Covers(warehouse) || scope.LocationByWarehouse is not { } map || !map.TryGetValue(warehouse, out var location)) continue;
            sums[location] = sums.GetValueOrDefault(location) + qty;
        }
        var result = System.Collections.Immutable.ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var (location, sum) in sums)
        {
            var whole = decimal.Truncate(sum);
            var units = whole <= 0 ? 0 : whole >= int.MaxValue ? int.MaxValue : (int)whole;
            var taken = Math.Min(units, held);
            held -= taken;
            result[location] = scope.StockRule.Apply(units - taken);
        }
        return result.ToImmutable();
    }
}
