using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Marketplaces;

/// <summary>
/// Turns a platform's pacing model into the connection's budget, a little under the published limit: calls leave
/// here exactly on the limit but reach the platform with network jitter, and the benchmark saw one 429 per run
/// when pacing at the limit itself.
/// </summary>
public static class PacingMargin
{
    public const double RateShare = 0.95;

    public static TokenBucket BucketFor(PlatformLimits limits, DateTimeOffset now)
    {
        var (refill, capacity, _, _) = limits.Pacing.Budget;
        return new TokenBucket(refill * RateShare, Math.Max(1, capacity - 1), now);
    }

    /// <summary>What one bulk push spends: its cost on the platform's meter, times the HTTP calls it makes.</summary>
    public static double PushCost(PlatformLimits limits) => limits.Pacing.Budget.PushCost * Math.Max(1, limits.CallsPerPush);

    public static double OrderCallCost(PlatformLimits limits) => limits.Pacing.Budget.OrderCallCost;
}
