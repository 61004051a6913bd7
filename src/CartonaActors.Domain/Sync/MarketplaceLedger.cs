using System.Collections.Immutable;

namespace CartonaActors.Domain.Sync;

/// <summary>
/// What a marketplace connection has done, folded from its events: counters plus the most recent problems.
/// Also its snapshot (<see cref="OrderCursor"/>: where a cursor order source goes on from; null in older
/// snapshots; the read-back figures are zero there). Kept small on purpose: the per-product truth lives in the connection's push slices.
/// </summary>
public sealed record MarketplaceLedger(
    long Batches,
    long ItemsDelivered,
    long ItemsRejected,
    long UnverifiedBatches,
    long FailedCalls,
    DateTimeOffset? LastDeliveredAt,
    long OrdersPulled,
    DateTimeOffset? LastOrderPullAt,
    string? LastError,
    ImmutableList<SyncIssue> RecentIssues,
    DateTimeOffset? OrderCursor = null,
    long ReadBackPasses = 0,
    long ReadBackDrifted = 0,
    ReadBack.ListingsReadBack? LastReadBack = null,
    ConnectionPaused? Paused = null) : Products.IWireSerializable
{
    public const int RecentIssueLimit = 50;

    public static readonly MarketplaceLedger Empty = new(0, 0, 0, 0, 0, null, 0, null, null, ImmutableList<SyncIssue>.Empty);

    public MarketplaceLedger Apply(IMarketplaceEvent evt) => evt switch
    {
        PushBatchDelivered d => this with
        {
            Batches = Batches + 1,
            ItemsDelivered = ItemsDelivered + d.Items - d.Rejected,
            ItemsRejected = ItemsRejected + d.Rejected,
            UnverifiedBatches = UnverifiedBatches + (d.Verified ? 0 : 1),
            LastDeliveredAt = d.At,
            RecentIssues = Remember(d.Rejections.Select(r => new SyncIssue(d.At, "item_rejected", r.ProductId, r.Reason))),
        },
        // Drifted counts the products a read-back found wrong or missing on the marketplace, over all passes.
        ReadBack.ListingsReadBack r => this with
        {
            ReadBackPasses = ReadBackPasses + 1,
            ReadBackDrifted = ReadBackDrifted + r.Drifted + r.Missing,
            LastReadBack = r,
            RecentIssues = r.Drifted + r.Missing == 0 ? RecentIssues
                : Remember([new SyncIssue(r.FinishedAt, "read_back_drift", null,
                    $"{r.Drifted} products showed other values and {r.Missing} were not listed; sent again")]),
        },
        ConnectionPaused p => this with { Paused = p },
        ConnectionResumed => this with { Paused = null },
        Orders.OrdersPulled p => this with { OrdersPulled = OrdersPulled + p.Orders, LastOrderPullAt = p.At },
        Orders.OrderCursorAdvanced c => this with { OrderCursor = c.UpdatedSince },
        PushBatchFailed f => this with
        {
            FailedCalls = FailedCalls + 1,
            LastError = $"{f.Kind}: {f.Reason}",
            RecentIssues = Remember([new SyncIssue(f.At, f.Kind, null, f.Reason)]),
        },
        _ => this,
    };

    private ImmutableList<SyncIssue> Remember(IEnumerable<SyncIssue> issues)
    {
        var list = RecentIssues.AddRange(issues);
        return list.Count > RecentIssueLimit ? list.RemoveRange(0, list.Count - RecentIssueLimit) : list;
    }
}

/// <summary>One problem worth showing to an operator.</summary>
public sealed record SyncIssue(DateTimeOffset At, string Kind, string? ProductId, string Reason);
