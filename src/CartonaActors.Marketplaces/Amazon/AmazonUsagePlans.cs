using System.Globalization;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces.Amazon;

/// <summary>
/// SP-API meters each operation on its own token bucket (rate per second, burst). These are the published usage
/// plans of the operations this connection calls, overridden where the account was granted more; a call waits
/// for its operation's bucket here, so it is sent only when Amazon would take it. A 429 drains the bucket, so the
/// next call waits a full refill: Amazon sends no Retry-After.
/// </summary>
internal sealed class AmazonUsagePlans
{
    public static readonly IReadOnlyDictionary<string, (double Rate, int Burst)> Published = new Dictionary<string, (double, int)>(StringComparer.Ordinal)
    {
        ["patchListingsItem"] = (5, 5),
        ["createFeedDocument"] = (0.5, 15),
        ["createFeed"] = (0.0083, 15),
        ["getFeed"] = (2, 15),
        ["getFeedDocument"] = (0.0222, 10),
        ["searchOrders"] = (0.0056, 20),
        ["getOrder"] = (0.5, 30),
        ["confirmShipment"] = (2, 10),
    };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public AmazonUsagePlans(IReadOnlyDictionary<string, (double Rate, int Burst)> plans, TimeProvider clock)
    {
        _clock = clock;
        foreach (var (operation, (rate, burst)) in plans) _buckets[operation] = new TokenBucket(rate, burst, clock.GetUtcNow());
    }

    /// <summary>The published plans with the overrides of <c>operationId=rate/burst;…</c>; null and a message when
    /// the text cannot be read.</summary>
    public static (IReadOnlyDictionary<string, (double Rate, int Burst)>? Plans, string? Problem) Parse(string? overrides)
    {
        var plans = new Dictionary<string, (double, int)>(Published, StringComparer.Ordinal);
        foreach (var part in (overrides ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = part.IndexOf('=') is var eq and > 0 ? (part[..eq].Trim(), part[(eq + 1)..].Trim()) : (part, "");
            if (!plans.ContainsKey(name))
                return (null, $"'{name}' is not an operation this connection calls (known: {string.Join(", ", Published.Keys.Order())}).");
            var numbers = value.Split('/');
            if (numbers.Length != 2 || !double.TryParse(numbers[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !(rate > 0)
                || !int.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out var burst) || burst < 1)
                return (null, $"'{part}' must be operationId=rate/burst with a positive rate and a burst of at least 1, e.g. patchListingsItem=5/5.");
            plans[name] = (rate, burst);
        }
        return (plans, null);
    }

    /// <summary>Takes a call of <paramref name="operation"/> now, or says how long until one may go.</summary>
    public TimeSpan TryTake(string operation)
    {
        lock (_lock)
        {
            var bucket = _buckets[operation];
            var now = _clock.GetUtcNow();
            return bucket.TryTake(now) ? TimeSpan.Zero : bucket.TimeUntilNext(now);
        }
    }

    /// <summary>Amazon answered 429 for the operation: its bucket is spent.</summary>
    public void Throttled(string operation)
    {
        lock (_lock) _buckets[operation].Drain(_clock.GetUtcNow());
    }

    /// <summary>How long a full refill of one call takes (the wait after a 429).</summary>
    public TimeSpan OneCall(string operation) => TimeSpan.FromSeconds(1 / _buckets[operation].RatePerSecond);
}
