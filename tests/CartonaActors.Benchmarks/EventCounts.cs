namespace CartonaActors.Benchmarks;

/// <summary>Journal rows by event manifest.</summary>
public sealed record EventCounts(IReadOnlyDictionary<string, long> ByType)
{
    public static readonly EventCounts None = new(new Dictionary<string, long>());

    public long Total => ByType.Values.Sum();

    public EventCounts Minus(EventCounts earlier) => new(ByType.ToDictionary(
        kv => kv.Key, kv => kv.Value - earlier.ByType.GetValueOrDefault(kv.Key), StringComparer.Ordinal));

    /// <summary>The most frequent types, e.g. <c>product-price-set 30000, product-push-acknowledged 23000</c>.</summary>
    public string Top(int n) => string.Join(", ", ByType.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).Take(n)
        .Select(kv => $"{(kv.Key.EndsWith("-v1", StringComparison.Ordinal) ? kv.Key[..^3] : kv.Key)} {kv.Value}"));
}
