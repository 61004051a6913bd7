using CartonaActors.Domain.Orders;

namespace CartonaActors.Domain.Sync;

/// <summary>What one page of a pull run leads to.</summary>
/// <param name="Next">The page to read next, or null when the run is over.</param>
/// <param name="PullAgainSoon">The run brought orders it had not seen: read the queue again shortly.</param>
/// <param name="ReachedUpdatedAt">A finished cursor run saw orders updated up to here: once every one of them is
/// stored by its entity, the next run may start from it.</param>
public sealed record PullStep(OrderPageRequest? Next, bool PullAgainSoon, DateTimeOffset? ReachedUpdatedAt);

/// <summary>
/// One connection's order pull runs, as pure decisions, for both kinds of source.
/// An ack queue shrinks under the pager as orders are acknowledged, so paging by number skips some: a cycle
/// starts over from page 1 until a whole run brings no order it had not seen. A cursor source is read from
/// the stored "updated since" less an overlap (an order written in a long transaction can appear behind a
/// cursor that already moved on), following the platform's cursor to the end.
/// </summary>
public sealed class OrderPullCycle(OrderSourceKind kind, int perPage, TimeSpan overlap, TimeSpan firstLookback)
{
    private readonly HashSet<string> _seenThisCycle = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreadableSeen = new(StringComparer.Ordinal);
    private DateTimeOffset? _highest;

    public OrderSourceKind Kind => kind;
    public bool Running { get; private set; }
    public int PulledThisRun { get; private set; }
    public int NewThisRun { get; private set; }
    public int UnreadableThisRun { get; private set; }

    /// <summary>The first page of a new run, or null while one is running.</summary>
    public OrderPageRequest? Start(DateTimeOffset? storedSince, DateTimeOffset now)
    {
        if (Running) return null;
        Running = true;
        PulledThisRun = NewThisRun = UnreadableThisRun = 0;
        _highest = null;
        return kind == OrderSourceKind.AckQueue
            ? new OrderPageRequest(1, perPage, null, null)
            : new OrderPageRequest(1, perPage, null, storedSince is { } since ? since - overlap : now - firstLookback);
    }

    /// <summary>Counts the page and says what follows.</summary>
    public PullStep OnPage(OrderPageRequest request, OrderPage page)
    {
        PulledThisRun += page.Orders.Count;
        foreach (var order in page.Orders)
        {
            if (_seenThisCycle.Add(order.Id + "|" + order.Status + "|" + order.Lines.Count + "|" + order.UpdatedAt?.UtcTicks)) NewThisRun++;
            if (order.UpdatedAt is { } at && (_highest is null || at > _highest)) _highest = at;
        }
        if (kind == OrderSourceKind.AckQueue)
        {
            if (page.RawCount >= request.PerPage) return new PullStep(request with { Page = request.Page + 1 }, false, null);
            Running = false;
            var again = NewThisRun > 0;
            if (!again) _seenThisCycle.Clear();
            return new PullStep(null, again, null);
        }
        if (page.HasMore && !string.IsNullOrEmpty(page.NextCursor))
            return new PullStep(request with { Page = request.Page + 1, Cursor = page.NextCursor }, false, null);
        Running = false;
        _seenThisCycle.Clear();
        return new PullStep(null, false, _highest);
    }

    /// <summary>An unreadable order comes back on every pull until fixed: true only the first time per content.</summary>
    public bool IsNewUnreadable(UnreadableOrder bad)
    {
        if (!_unreadableSeen.Add(bad.OrderId + "|" + bad.RawJson.GetHashCode())) return false;
        UnreadableThisRun++;
        return true;
    }

    /// <summary>The run was refused: the next one starts afresh.</summary>
    public void Abort() => Running = false;
}
