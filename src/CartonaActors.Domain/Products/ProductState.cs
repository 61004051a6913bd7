using System.Collections.Immutable;

namespace CartonaActors.Domain.Products;

/// <summary>
/// Everything one product entity knows, folded from its events. Also its snapshot.
/// <see cref="Version"/> counts value and listing changes; acknowledgements do not bump it.
/// </summary>
public sealed record ProductState(
    string ProductId,
    long Version,
    decimal? Price,
    bool? UnlimitedStock,
    ImmutableSortedDictionary<string, decimal> StockByWarehouse,
    ImmutableSortedDictionary<string, Listing> Listings) : ICartonaSerializable
{
    public static ProductState Empty(string productId) => new(
        productId, 0, null, null,
        ImmutableSortedDictionary<string, decimal>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<string, Listing>.Empty.WithComparers(StringComparer.Ordinal));
}
