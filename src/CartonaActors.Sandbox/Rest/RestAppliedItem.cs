namespace CartonaActors.Sandbox.Rest;

/// <summary>Which batch endpoint an item came through.</summary>
public enum RestItemKind
{
    Inventory,
    Price,
}

/// <summary>
/// One batch item the emulator applied (stale items are not), with when; lets benchmarks measure end-to-end
/// latency from a source change to the marketplace holding it.
/// </summary>
/// <param name="LocationId">Inventory only; null is the default location.</param>
/// <param name="Available">Inventory only.</param>
/// <param name="Price">Prices only.</param>
/// <param name="Currency">Prices only, when the item carried one.</param>
public sealed record RestAppliedItem(
    RestItemKind Kind,
    string ExternalId,
    string? LocationId,
    int? Available,
    decimal? Price,
    string? Currency,
    long Version,
    DateTimeOffset AppliedAt);
