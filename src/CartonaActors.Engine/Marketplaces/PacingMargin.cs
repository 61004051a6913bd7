using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Marketplaces;

/// <summary>
/// Paces a little under the platform's published limit: calls leave here exactly on the limit but reach the
/// platform with network jitter, and the benchmark saw one 429 per run when pacing at the limit itself.
/// </summary>
public static class PacingMargin
{
    public const double RateShare = 0.95;

    public static TokenBucket BucketFor(ConnectionSettings connection, DateTimeOffset now) =>
        new(connection.RequestsPerSecond * RateShare, Math.Max(1, connection.Burst - 1), now);
}
