namespace CartonaActors.Sandbox.Shopify;

/// <summary>Running totals a test asserts on; safe to read while requests run.</summary>
public sealed class ShopifyCounters
{
    private readonly object _gate = new();
    private long _requests, _throttled, _maxCost, _replays, _stale, _rows, _variants, _sent, _failed, _dropped;
    private double _spent;
    private double? _lowest;

    public long Requests => Read(ref _requests);
    public long ThrottledAnswers => Read(ref _throttled);
    public long MaxCostExceeded => Read(ref _maxCost);
    public long IdempotentReplays => Read(ref _replays);
    public long StaleConflicts => Read(ref _stale);
    public long RowsApplied => Read(ref _rows);
    public long VariantsUpdated => Read(ref _variants);
    public long WebhooksSent => Read(ref _sent);
    public long WebhooksFailed => Read(ref _failed);
    public long Dropped => Read(ref _dropped);

    /// <summary>Sum of the actual query costs charged.</summary>
    public double PointsSpent
    {
        get { lock (_gate) return _spent; }
    }

    /// <summary>The lowest bucket level seen right after a charge; null until the first charge.</summary>
    public double? LowestAvailable
    {
        get { lock (_gate) return _lowest; }
    }

    internal void Request() => Interlocked.Increment(ref _requests);
    internal void Throttled() => Interlocked.Increment(ref _throttled);
    internal void MaxCost() => Interlocked.Increment(ref _maxCost);
    internal void Replay() => Interlocked.Increment(ref _replays);
    internal void Stale() => Interlocked.Increment(ref _stale);
    internal void Rows(int n) => Interlocked.Add(ref _rows, n);
    internal void Variants(int n) => Interlocked.Add(ref _variants, n);
    internal void WebhookSent() => Interlocked.Increment(ref _sent);
    internal void WebhookFailed() => Interlocked.Increment(ref _failed);
    internal void Drop() => Interlocked.Increment(ref _dropped);

    internal void Charged(double levelAfterDeduction)
    {
        lock (_gate) _lowest = _lowest is null ? levelAfterDeduction : Math.Min(_lowest.Value, levelAfterDeduction);
    }

    internal void Spent(double actual)
    {
        lock (_gate) _spent += actual;
    }

    private static long Read(ref long field) => Interlocked.Read(ref field);
}
