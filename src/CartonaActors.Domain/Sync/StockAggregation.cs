using CartonaActors.Domain.Connections;

namespace CartonaActors.Domain.Sync;

/// <summary>Turns per-warehouse free quantities into the one number a marketplace connection shows.</summary>
public static class StockAggregation
{
    /// <summary>
    /// Sum of free quantity over the connection's warehouses, truncated to whole units and clamped at zero:
    /// the real module sent negative free quantities as they were, which Cartona rejects or shows as oversold.
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
}
