namespace CartonaActors.Domain.Sync;

/// <summary>
/// Paces calls to a platform: <see cref="Capacity"/> calls at once, refilled at <see cref="RatePerSecond"/>.
/// Time is passed in so the pacing is testable without clocks.
/// </summary>
public sealed class TokenBucket
{
    private double _tokens;
    private DateTimeOffset _updatedAt;

    public TokenBucket(double ratePerSecond, int capacity, DateTimeOffset now)
    {
        if (ratePerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(ratePerSecond), "must be positive");
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), "must be at least 1");
        RatePerSecond = ratePerSecond;
        Capacity = capacity;
        _tokens = capacity;
        _updatedAt = now;
    }

    public double RatePerSecond { get; }
    public int Capacity { get; }

    /// <summary>Spends <paramref name="cost"/> tokens (a call's share of a cost or quota budget) if they are there.</summary>
    public bool TryTake(DateTimeOffset now, double cost = 1)
    {
        Refill(now);
        cost = Math.Min(cost, Capacity);
        if (_tokens < cost) return false;
        _tokens -= cost;
        return true;
    }

    /// <summary>How long until a call of <paramref name="cost"/> may be made.</summary>
    public TimeSpan TimeUntilNext(DateTimeOffset now, double cost = 1)
    {
        Refill(now);
        cost = Math.Min(cost, Capacity);
        return _tokens >= cost ? TimeSpan.Zero : TimeSpan.FromSeconds((cost - _tokens) / RatePerSecond);
    }

    /// <summary>The calls' worth of budget there is now (what an operator sees as the pacing budget).</summary>
    public double Available(DateTimeOffset now)
    {
        Refill(now);
        return _tokens;
    }

    /// <summary>The platform said it is over its limit: spend everything so the bucket refills from empty.</summary>
    public void Drain(DateTimeOffset now)
    {
        Refill(now);
        _tokens = 0;
    }

    private void Refill(DateTimeOffset now)
    {
        if (now <= _updatedAt) return;
        _tokens = Math.Min(Capacity, _tokens + (now - _updatedAt).TotalSeconds * RatePerSecond);
        _updatedAt = now;
    }
}
