using System.Collections.Immutable;

namespace CartonaActors.Domain.Products;

/// <summary>
/// How a marketplace knows this product: its primary key (<see cref="Kind"/> names which of the platform's
/// identifiers <see cref="Value"/> is; the platform decides the vocabulary) and, for platforms that need
/// several ids for one listing (a variant and its inventory item), the others in <see cref="Keys"/>.
/// Journals written before <see cref="Keys"/> existed hold only kind and value and read unchanged.
/// </summary>
public sealed record ListingRef(string Kind, string Value, ImmutableSortedDictionary<string, string>? Keys = null)
{
    /// <summary>Another of the platform's keys for this listing, or null.</summary>
    public string? Key(string name) => Keys is { } keys && keys.TryGetValue(name, out var v) ? v : null;

    public bool Equals(ListingRef? other) =>
        other is not null && Kind == other.Kind && Value == other.Value
        && (Keys ?? ImmutableSortedDictionary<string, string>.Empty).SequenceEqual(other.Keys ?? ImmutableSortedDictionary<string, string>.Empty);

    public override int GetHashCode() => HashCode.Combine(Kind, Value, Keys?.Count ?? 0);
}
