using System.Collections.Immutable;

namespace CartonaActors.Domain.Products;

/// <summary>
/// The values a marketplace shows (or should show) for one product. Null means "not known, not sent".
/// <see cref="Quantity"/> is already aggregated over the connection's warehouses, clamped at zero and passed
/// through its stock rule; a connection that sells per location also gets <see cref="ByLocation"/> (the
/// platform's location id -> quantity; null in journals written before locations existed).
/// </summary>
public sealed record PushedValues(decimal? Price, bool? UnlimitedStock, int? Quantity, ImmutableSortedDictionary<string, int>? ByLocation = null)
{
    public bool IsEmpty() => Price is null && UnlimitedStock is null && Quantity is null;

    public bool Equals(PushedValues? other) =>
        other is not null && Price == other.Price && UnlimitedStock == other.UnlimitedStock && Quantity == other.Quantity
        && (ByLocation ?? ImmutableSortedDictionary<string, int>.Empty).SequenceEqual(other.ByLocation ?? ImmutableSortedDictionary<string, int>.Empty);

    public override int GetHashCode() => HashCode.Combine(Price, UnlimitedStock, Quantity, ByLocation?.Count ?? 0);
}
