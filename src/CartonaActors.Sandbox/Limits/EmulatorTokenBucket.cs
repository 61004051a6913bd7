namespace CartonaActors.Sandbox.Limits;

/// <summary>
/// The emulators' own rate limit: <see cref="Capacity"/> calls at once, refilled at <see cref="RatePerSecond"/>.
/// It lives in the Sandbox, apart from the client-side pacing in Domain, so the emulators never judge a client
/// with the client's own arithmetic. Time comes from the <see cref="TimeProvider"/> given, so tests can move it;
/// one lock per bucket makes each take atomic under concurrent requests.
/// </summary>
internal sealed class EmulatorTokenBucket
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private double _available;
    private DateTimeOffset _refilledAt;

    public EmulatorTokenBucket(double ratePerSecond, int capacity, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (!(ratePerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "must be positive");
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        RatePerSecond = ratePerSecond;
        Capacity = capacity;
        _clock = clock;
        _available = capacity; // a quiet caller may use its whole burst at once
        _refilledAt = clock.GetUtcNow();
    }

    public double RatePerSecond { get; }

    public int Capacity { get; }

    /// <summary>Takes one call's worth if there is one; either way reports what is left afterwards.</summary>
    public BucketAnswer TryTake()
    {
        lock (_gate)
        {
            Refill();
            var granted = _available >= 1;
            if (granted) _available -= 1;
            return Answer(granted);
        }
    }

    /// <summary>What is left, without taking anything.</summary>
    public BucketAnswer Peek()
    {
        lock (_gate)
        {
            Refill();
            return Answer(granted: false);
        }
    }

    private BucketAnswer Answer(bool granted)
    {
        var whole = (int)Math.Floor(_available);
        var untilNext = _available >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _available) / RatePerSecond);
        return new BucketAnswer(granted, whole, untilNext);
    }

    // Only forward moves count: a clock that steps back (a fake one, or NTP) must not mint calls.
    private void Refill()
    {
        var now = _clock.GetUtcNow();
        if (now <= _refilledAt) return;
        _available = Math.Min(Capacity, _available + (now - _refilledAt).TotalSeconds * RatePerSecond);
        _refilledAt = now;
    }
}

/// <summary>One bucket decision.</summary>
/// <param name="Granted">The call may go ahead (one token was taken).</param>
/// <param name="Remaining">Whole calls left right now, after this one.</param>
/// <param name="UntilNext">How long until at least one call is available; zero when one already is.</param>
internal readonly record struct BucketAnswer(bool Granted, int Remaining, TimeSpan UntilNext);
