namespace CartonaActors.Sandbox.Shopify.Api;

/// <summary>
/// Shopify's leaky bucket per app: holds at most <see cref="ShopifyEmulatorOptions.BucketSize"/> points, refills
/// at <see cref="ShopifyEmulatorOptions.RestoreRate"/> points a second by the clock. A query is charged its
/// requested cost up front and refunded what it did not use.
/// </summary>
internal sealed class CostBucket(ShopifyEmulatorOptions options)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (double Level, DateTimeOffset At)> _buckets = new(StringComparer.Ordinal);

    public sealed record ThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);

    /// <summary>Charges <paramref name="cost"/> if the bucket holds it; the level after, and whether it was charged.</summary>
    public (bool Charged, double Level) TryCharge(string app, double cost)
    {
        lock (_gate)
        {
            var level = Refill(app);
            if (level < cost) return (false, level);
            _buckets[app] = (level - cost, options.Clock.GetUtcNow());
            return (true, level - cost);
        }
    }

    public void Refund(string app, double points)
    {
        lock (_gate)
        {
            var level = Refill(app);
            _buckets[app] = (Math.Min(options.BucketSize, level + points), options.Clock.GetUtcNow());
        }
    }

    public ThrottleStatus Status(string app)
    {
        lock (_gate) return new ThrottleStatus(options.BucketSize, Math.Floor(Refill(app)), options.RestoreRate);
    }

    private double Refill(string app)
    {
        var now = options.Clock.GetUtcNow();
        if (!_buckets.TryGetValue(app, out var b)) return options.BucketSize;
        var elapsed = Math.Max(0, (now - b.At).TotalSeconds);
        var level = Math.Min(options.BucketSize, b.Level + elapsed * options.RestoreRate);
        _buckets[app] = (level, now);
        return level;
    }
}
