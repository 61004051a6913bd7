namespace CartonaActors.Benchmarks;

/// <summary>Journal events written in a span (<see cref="Total"/>, deleted ones included) and the surviving ones
/// by manifest; <see cref="MaxOrdering"/> is where the span ended.</summary>
public sealed record EventCounts(IReadOnlyDictionary<string, long> ByType, long MaxOrdering, long Total)
{
    public static readonly EventCounts None = new(new Dictionary<string, long>(), 0, 0);

    /// <summary>The most frequent types, e.g. <c>product-price-set 30000, product-push-acknowledged 23000</c>.</summary>
    public string Top(int n) => string.Join(", ", ByType.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).Take(n)
        .Select(kv => $"{(kv.Key.EndsWith("-v1", StringComparison.Ordinal) ? kv.Key[..^3] : kv.Key)} {kv.Value}"));
}
