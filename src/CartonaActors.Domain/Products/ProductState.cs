using System.Collections.Immutable;

namespace CartonaActors.Domain.Products;

/// <summary>
/// Everything one product entity knows, folded from its events. Also its snapshot.
/// <see cref="Version"/> counts value and listing changes; acknowledgements do not bump it.
/// <see cref="ErpObservedAt"/> and <see cref="ErpObservedUntil"/> are the start and end of the newest ERP read applied
/// (null in old snapshots and before any; an old snapshot's read ended at its start).
/// </summary>
public sealed record ProductState(
    string ProductId,
    long Version,
    decimal? Price,
    bool? UnlimitedStock,
    ImmutableSortedDictionary<string, decimal> StockByWarehouse,
    ImmutableSortedDictionary<string, Listing> Listings,
    ImmutableSortedDictionary<string, OrderHold>? OrderHolds = null,
    DateTimeOffset? ErpObservedAt = null,
    DateTimeOffset? ErpObservedUntil = null) : IWireSerializable
{

    /// <summary>Quantities of marketplace orders not yet reserved in the ERP, by order id (null in old snapshots).</summary>
    public ImmutableSortedDictionary<string, OrderHold> Holds =>
        OrderHolds ?? ImmutableSortedDictionary<string, OrderHold>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Deserialized dictionaries lose their comparer; every lookup in the domain is ordinal.</summary>
    public ProductState WithOrdinalKeys() => this with
    {
        OrderHolds = OrderHolds?.WithComparers(StringComparer.Ordinal),
        StockByWarehouse = StockByWarehouse.WithComparers(StringComparer.Ordinal),
        Listings = Listings.WithComparers(StringComparer.Ordinal),
    };

    public static ProductState Empty(string productId) => new(
        productId, 0, null, null,
        ImmutableSortedDictionary<string, decimal>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<string, Listing>.Empty.WithComparers(StringComparer.Ordinal));
}

/// <summary>Stock an order pulled from <see cref="ConnectionId"/> will take, held until the ERP reserves it.</summary>
public sealed record OrderHold(string ConnectionId, decimal Quantity);
