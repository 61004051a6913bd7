using System.Collections.Concurrent;
using System.Globalization;
using CartonaActors.Sandbox.Limits;

namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// A token bucket per Bearer token, with the IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers)
/// that describe it. The options are read on every call; a changed rate or burst starts that token afresh.
/// </summary>
internal sealed class RestRateLimiter(RestMarketplaceEmulatorOptions options, TimeProvider clock)
{
    private const string PolicyName = "\"default\"";
    private readonly ConcurrentDictionary<string, EmulatorTokenBucket> _buckets = new(StringComparer.Ordinal);

    public BucketAnswer TryAcquire(string token)
    {
        var (rate, burst) = (options.RequestsPerSecond, options.Burst);
        var bucket = _buckets.AddOrUpdate(
            token,
            _ => new EmulatorTokenBucket(rate, burst, clock),
            (_, existing) => existing.RatePerSecond == rate && existing.Capacity == burst
                ? existing
                : new EmulatorTokenBucket(rate, burst, clock));
        return bucket.TryTake();
    }

    /// <summary><c>RateLimit-Policy: "default";q=&lt;burst&gt;;w=&lt;seconds to refill it all&gt;</c>.</summary>
    public string Policy()
    {
        var (rate, burst) = (options.RequestsPerSecond, options.Burst);
        var window = Math.Max(1, (int)Math.Ceiling(burst / rate));
        return string.Create(CultureInfo.InvariantCulture, $"{PolicyName};q={burst};w={window}");
    }

    /// <summary><c>RateLimit: "default";r=&lt;whole calls left&gt;;t=&lt;seconds until one is&gt;</c> (t=0 when one is now).</summary>
    public static string State(BucketAnswer answer) =>
        string.Create(CultureInfo.InvariantCulture, $"{PolicyName};r={answer.Remaining};t={CeilingSeconds(answer.UntilNext)}");

    /// <summary>Retry-After in whole seconds, at least 1: rounding down would invite a call that is refused again.</summary>
    public static int RetryAfterSeconds(BucketAnswer answer) => Math.Max(1, CeilingSeconds(answer.UntilNext));

    private static int CeilingSeconds(TimeSpan wait) => (int)Math.Min(int.MaxValue, Math.Ceiling(wait.TotalSeconds));
}
