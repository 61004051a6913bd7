namespace CartonaActors.Sandbox.Shopify;

/// <summary>Scripted failures for the next authenticated GraphQL requests, and standing per-sku rejections.
/// Each "next N" fault is consumed by the request it hits.</summary>
public sealed class ShopifyFaults
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (string Message, string Code)> _rejected = new(StringComparer.Ordinal);
    private int _throttle, _fail, _failStatus, _drop, _broken;
    private bool _failRetryAfter;

    /// <summary>The next N calls are answered THROTTLED whatever the bucket holds; nothing is charged or run.</summary>
    public void ThrottleNext(int count = 1)
    {
        lock (_gate) _throttle += count;
    }

    /// <summary>The next N calls get this HTTP status (429, 500, 503…), with <c>Retry-After: 2</c> when asked.</summary>
    public void FailNext(int count, int status, bool retryAfter = true)
    {
        lock (_gate)
        {
            _fail = count;
            _failStatus = status;
            _failRetryAfter = retryAfter;
        }
    }

    /// <summary>The next N mutation documents are applied, then the connection is dropped with no answer.</summary>
    public void CommitThenDropNext(int count = 1)
    {
        lock (_gate) _drop += count;
    }

    /// <summary>The next N answers are 200 with the JSON cut short (the work is done).</summary>
    public void BreakJsonNext(int count = 1)
    {
        lock (_gate) _broken += count;
    }

    /// <summary>Every mutation row naming this sku's variant or inventory item gets this userError.</summary>
    public void RejectSku(string sku, string message, string code = "INVALID")
    {
        lock (_gate) _rejected[sku] = (message, code);
    }

    public void Clear()
    {
        lock (_gate)
        {
            _throttle = _fail = _drop = _broken = 0;
            _rejected.Clear();
        }
    }

    internal bool TakeThrottle() => Take(ref _throttle);

    internal bool TakeDrop() => Take(ref _drop);

    internal bool TakeBroken() => Take(ref _broken);

    internal (int Status, bool RetryAfter)? TakeFailure()
    {
        lock (_gate) return _fail > 0 && _fail-- > 0 ? (_failStatus, _failRetryAfter) : null;
    }

    internal (string Message, string Code)? Rejection(string sku)
    {
        lock (_gate) return _rejected.TryGetValue(sku, out var r) ? r : null;
    }

    private bool Take(ref int counter)
    {
        lock (_gate)
        {
            if (counter <= 0) return false;
            counter--;
            return true;
        }
    }
}
