namespace CartonaActors.Marketplaces.Shopify;

/// <summary>
/// Shopify's leaky bucket as its answers last reported it (<c>extensions.cost.throttleStatus</c>): points
/// available at the time of the reading, restored at the reported rate up to the reported maximum, less what
/// calls in flight have reserved. A call is sent only when the bucket can pay its requested cost; otherwise the
/// meter says how long until it can. Nothing here is hard-coded beyond the figures assumed before the first answer.
/// </summary>
internal sealed class ShopifyCostMeter(double restoreRate, double maximum, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private double _available = maximum;
    private double _maximum = maximum;
    private double _restoreRate = restoreRate;
    private double _reserved;
    private DateTimeOffset _readAt = clock.GetUtcNow();

    public (double Available, double Maximum, double RestoreRate) Reading
    {
        get { lock (_lock) return (Projected(clock.GetUtcNow()), _maximum, _restoreRate); }
    }

    /// <summary>Reserves <paramref name="cost"/> points and returns null, or returns the wait until the bucket
    /// can pay them (nothing reserved).</summary>
    public TimeSpan? TryReserve(double cost)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            cost = Math.Min(cost, _maximum);
            var available = Projected(now);
            if (available >= cost)
            {
                _reserved += cost;
                return null;
            }
            return TimeSpan.FromSeconds(Math.Max(0.05, (cost - available) / _restoreRate));
        }
    }

    /// <summary>A call that reserved <paramref name="reserved"/> is answered; the answer's reading, when it has one,
    /// replaces the meter's.</summary>
    public void Answered(double reserved, ShopifyThrottleStatus? status)
    {
        lock (_lock)
        {
            _reserved = Math.Max(0, _reserved - reserved);
            if (status is null) return;
            if (status.RestoreRate > 0) _restoreRate = status.RestoreRate;
            if (status.MaximumAvailable > 0) _maximum = status.MaximumAvailable;
            _available = Math.Clamp(status.CurrentlyAvailable, 0, _maximum);
            _readAt = clock.GetUtcNow();
        }
    }

    /// <summary>How long until <paramref name="cost"/> points are there, by the latest reading.</summary>
    public TimeSpan WaitFor(double cost)
    {
        lock (_lock)
        {
            var missing = Math.Min(cost, _maximum) - Projected(clock.GetUtcNow());
            return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(missing / _restoreRate);
        }
    }

    private double Projected(DateTimeOffset now) =>
        Math.Min(_maximum, _available + Math.Max(0, (now - _readAt).TotalSeconds) * _restoreRate) - _reserved;
}

/// <summary>One answer's <c>throttleStatus</c>.</summary>
internal sealed record ShopifyThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);
