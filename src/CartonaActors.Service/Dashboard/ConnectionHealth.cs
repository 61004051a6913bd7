using CartonaActors.Domain.Sync;

namespace CartonaActors.Service.Dashboard;

/// <summary>What the dashboard's badge says about one connection.</summary>
public enum HealthState { Ok, Paused, Failing, Disabled }

/// <summary>The badge of a connection and the error it shows, read from what its marketplace entity reports.</summary>
public sealed record ConnectionHealth(HealthState State, string? Error)
{
    /// <summary>
    /// Failing while calls fail in a row, or while the last error is newer than the last delivery: the ledger keeps
    /// its last error for ever, so an error followed by a delivery is history, not a state. Paused while the
    /// connection waits out a marketplace's pause (429, Retry-After) without failing otherwise.
    /// </summary>
    public static ConnectionHealth Of(MarketplaceStatus status, bool enabled, DateTimeOffset now)
    {
        if (!enabled) return new ConnectionHealth(HealthState.Disabled, null);
        var ledger = status.Ledger;
        if (status.ConsecutiveFailures > 0 || (ledger.LastError is not null && !DeliveredSince(ledger, LastFailureAt(ledger))))
            return new ConnectionHealth(HealthState.Failing, ledger.LastError ?? $"{status.ConsecutiveFailures} calls failed in a row");
        if (status.PausedUntil is { } until && until > now)
            return new ConnectionHealth(HealthState.Paused, $"paused until {until:u}");
        return new ConnectionHealth(HealthState.Ok, null);
    }

    /// <summary>When the call that set <see cref="MarketplaceLedger.LastError"/> failed, if its issue is still kept.</summary>
    private static DateTimeOffset? LastFailureAt(MarketplaceLedger ledger) =>
        ledger.RecentIssues.Where(i => $"{i.Kind}: {i.Reason}" == ledger.LastError).Select(i => (DateTimeOffset?)i.At).Max();

    /// <summary>A failure that fell out of the recent issues is older than every one kept, so any delivery is newer.</summary>
    private static bool DeliveredSince(MarketplaceLedger ledger, DateTimeOffset? failedAt) =>
        ledger.LastDeliveredAt is { } delivered && (failedAt is null || delivered > failedAt);
}
