using CartonaActors.Domain.Sync;

namespace CartonaActors.Service.Dashboard;

/// <summary>The dashboard's numbers (GET /api/dashboard): the old module's counters over every connection, and one
/// row per connection with its badge. Built from what the marketplace entities and the sync log hold.</summary>
public sealed record DashboardFigures(DateTimeOffset At, DashboardTotals Totals, IReadOnlyList<ConnectionFigures> Connections)
{
    public static readonly TimeSpan IssueWindow = TimeSpan.FromHours(24);

    /// <param name="connections">Each configured connection with whether it is enabled and what its entity reports.</param>
    /// <param name="nodeIssues">The sync log's warnings and errors (an order's carry the order id as ProductId).</param>
    public static DashboardFigures From(IReadOnlyList<(string Name, string Platform, bool Enabled, MarketplaceStatus Status)> connections,
        IReadOnlyList<SyncIssue> nodeIssues, DateTimeOffset now)
    {
        var since = now - IssueWindow;
        var recentNode = nodeIssues.Where(i => i.At >= since).ToList();
        var rows = connections.Select(c => ConnectionFigures.Of(c.Name, c.Platform, c.Status, ConnectionHealth.Of(c.Status, c.Enabled, now))).ToList();
        var ordersHeld = DistinctOrders(recentNode, OrderKinds.Held);
        var totals = new DashboardTotals(
            ProductsSynced: rows.Sum(r => r.ItemsDelivered),
            ProductsFailed: rows.Sum(r => r.ItemsRejected),
            ProductsPending: rows.Sum(r => (long)r.Waiting),
            OrdersPulled: rows.Sum(r => r.OrdersPulled),
            OrdersHeld: ordersHeld,
            OrdersFailed: DistinctOrders(recentNode, OrderKinds.Failed),
            IssuesLast24h: recentNode.Count,
            QueuedWork: rows.Sum(r => (long)r.Waiting + r.InFlight) + ordersHeld);
        return new DashboardFigures(now, totals, rows);
    }

    private static int DistinctOrders(IEnumerable<SyncIssue> issues, IReadOnlySet<string> kinds) =>
        issues.Where(i => kinds.Contains(i.Kind)).Select(i => i.ProductId).Distinct().Count();
}

/// <summary>Counters as the old module's dashboard showed them. Issues and orders held or failed count the last 24 h
/// in the cluster-wide sync log (its newest 1,000 warnings and 1,000 errors).</summary>
public sealed record DashboardTotals(
    long ProductsSynced, long ProductsFailed, long ProductsPending,
    long OrdersPulled, long OrdersHeld, long OrdersFailed,
    long IssuesLast24h, long QueuedWork);

/// <summary>One connection's row: its badge, what it delivered and refused, and what waits.</summary>
public sealed record ConnectionFigures(
    string Name, string Platform, string Health, string? Error,
    long Batches, long ItemsDelivered, long ItemsRejected, long FailedCalls, int ConsecutiveFailures,
    int Waiting, int InFlight, long OrdersPulled,
    DateTimeOffset? LastDeliveredAt, DateTimeOffset? LastOrderPullAt, DateTimeOffset? PausedUntil)
{
    public static ConnectionFigures Of(string name, string platform, MarketplaceStatus s, ConnectionHealth health) => new(
        name, platform, health.State.ToString().ToLowerInvariant(), health.Error,
        s.Ledger.Batches, s.Ledger.ItemsDelivered, s.Ledger.ItemsRejected, s.Ledger.FailedCalls, s.ConsecutiveFailures,
        s.Waiting, s.InFlightItems, s.Ledger.OrdersPulled,
        s.Ledger.LastDeliveredAt, s.Ledger.LastOrderPullAt, s.PausedUntil);
}

/// <summary>Sync log kinds that mean an order waits (held: e.g. an unknown product, checked again) or went wrong.</summary>
internal static class OrderKinds
{
    public static readonly IReadOnlySet<string> Held = new HashSet<string>(StringComparer.Ordinal) { "order_held" };

    public static readonly IReadOnlySet<string> Failed = new HashSet<string>(StringComparer.Ordinal)
    {
        "order_flagged", "order_status_refused", "order_unreadable",
    };
}
