using System.Net.Http.Headers;

namespace CartonaActors.Marketplaces.Http;

/// <summary>The one reader of a 429's Retry-After for every client, in either of its forms (delta-seconds or HTTP-date).</summary>
public static class RetryAfterHeader
{
    /// <summary>What to assume when the platform gives no hint: a short pause, then the throttle decides.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(1);

    public static TimeSpan Read(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        return Default;
    }
}
