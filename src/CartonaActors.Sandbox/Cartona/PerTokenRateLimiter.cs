using System.Collections.Concurrent;
using CartonaActors.Sandbox.Limits;

namespace CartonaActors.Sandbox.Cartona;

/// <summary>The proposal's per-token limit: a token bucket per credential, rebuilt if the options change.</summary>
internal sealed class PerTokenRateLimiter(CartonaEmulatorOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, EmulatorTokenBucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Null when the call may go ahead; otherwise how long the caller should wait.</summary>
    public TimeSpan? TryAcquire(string token)
    {
        var bucket = _buckets.AddOrUpdate(
            token,
            _ => new EmulatorTokenBucket(options.RequestsPerSecond, options.Burst, clock),
            (_, existing) => existing.RatePerSecond == options.RequestsPerSecond && existing.Capacity == options.Burst
                ? existing
                : new EmulatorTokenBucket(options.RequestsPerSecond, options.Burst, clock));
        var answer = bucket.TryTake();
        return answer.Granted ? null : answer.UntilNext;
    }

    /// <summary>Value for the RateLimit-Policy header: quota and the window over which it refills.</summary>
    public string Policy()
    {
        var window = Math.Max(1, (int)Math.Ceiling(options.Burst / options.RequestsPerSecond));
        return $"{options.Burst};w={window}";
    }
}
