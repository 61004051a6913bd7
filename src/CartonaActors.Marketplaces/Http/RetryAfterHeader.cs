using System.Net.Http.Headers;

namespace CartonaActors.Marketplaces.Http;

/// <summary>The one reader of a 429's Retry-After for every client, in either of its forms (delta-seconds or HTTP-date).</summary>
public static class RetryAfterHeader
{
    /// <summary>What to assume when the platform gives no hint: a short pause, then the throttle decides.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause a platform's answer can impose: a date years ahead (a broken clock, a hostile
    /// proxy) would otherwise stop a connection for good. Asked again after an hour, a platform still over its
    /// quota simply answers 429 again.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static TimeSpan Read(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta) return Clamp(delta);
        if (header?.Date is { } date) return Clamp(date - now);
        return Default;
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > Longest ? Longest : wait;
}
