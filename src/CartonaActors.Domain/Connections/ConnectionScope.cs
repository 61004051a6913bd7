using System.Collections.Immutable;

namespace CartonaActors.Domain.Connections;

/// <summary>
/// What a product needs to know about a marketplace connection: its name, the warehouses whose free quantity it
/// sells (empty = every warehouse), its price and stock rules, and — for platforms that sell per location — which
/// of its locations each warehouse stocks.
/// </summary>
public sealed record ConnectionScope(
    string ConnectionId,
    IReadOnlyList<string> Warehouses,
    PriceRule? Price = null,
    StockRule? Stock = null,
    ImmutableSortedDictionary<string, string>? LocationByWarehouse = null)
{
    public PriceRule PriceRule => Price ?? PriceRule.None;
    public StockRule StockRule => Stock ?? StockRule.None;

    public bool Covers(string warehouse) => Warehouses.Count == 0 || Warehouses.Contains(warehouse, StringComparer.Ordinal);

    /// <summary>Whether this connection is shown stock per location rather than one number.</summary>
    public bool SellsPerLocation => LocationByWarehouse is { Count: > 0 };
}
