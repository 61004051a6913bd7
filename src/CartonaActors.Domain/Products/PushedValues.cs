using System.Collections.Immutable;

namespace CartonaActors.Domain.Products;

/// <summary>
/// The values a marketplace shows (or should show) for one product. Null means "not known, not sent".
/// <see cref="Quantity"/> is already aggregated over the connection's warehouses, clamped at zero and passed
/// through its stock rule; a connection that sells per location also gets <see cref="ByLocation"/> (the
/// platform's location id -> quantity; null in journals written before locations existed). <see cref="Published"/>
/// is set only when a product leaves a connection (false) or comes back to it (true); null: not sent.
/// </summary>
public sealed record PushedValues(decimal? Price, bool? UnlimitedStock, int? Quantity, ImmutableSortedDictionary<string, int>? ByLocation = null,
    bool? Published = null)
{
    /// <summary>What a product that leaves the connection is sent: unpublished, with no stock anywhere (where
    /// stock is synced), its price left as it is.</summary>
    public PushedValues Withdrawn()
    {
        var stockSynced = Quantity is not null || UnlimitedStock is not null;
        return new PushedValues(null, UnlimitedStock is null ? null : false, stockSynced ? 0 : null,
            ByLocation?.ToImmutableSortedDictionary(kv => kv.Key, _ => 0, StringComparer.Ordinal), false);
    }

    public PushedValues WithPublished(bool? published) => Published == published ? this : this with { Published = published };

    public bool IsEmpty() => Price is null && UnlimitedStock is null && Quantity is null;

    public bool Equals(PushedValues? other) =>
        other is not null && Price == other.Price && UnlimitedStock == other.UnlimitedStock && Quantity == other.Quantity
        && Published == other.Published
        && (ByLocation ?? ImmutableSortedDictionary<string, int>.Empty).SequenceEqual(other.ByLocation ?? ImmutableSortedDictionary<string, int>.Empty);

    public override int GetHashCode() => HashCode.Combine(Price, UnlimitedStock, Quantity, ByLocation?.Count ?? 0);
}
