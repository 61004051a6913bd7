namespace CartonaActors.Sandbox.Ebay;

/// <summary>Scripted failures. "Next N" faults hit the next N API calls (not the token endpoint) after the token
/// check and before the quota and the work, so nothing is applied; each is consumed by the call it hits.</summary>
public sealed class EbayFaults
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _rejected = new(StringComparer.Ordinal);
    private int _throttle, _fail, _failStatus;
    private bool _shift;
    private long _expireEpoch;

    /// <summary>The next N calls get 429 with eBay's rate-limit error body.</summary>
    public void ThrottleNext(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate) _throttle += count;
    }

    /// <summary>The next N calls get this HTTP status with an eBay error body.</summary>
    public void FailNext(int count, int status)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (status is < 400 or > 599) throw new ArgumentOutOfRangeException(nameof(status));
        lock (_gate)
        {
            _fail = count;
            _failStatus = status;
        }
    }

    /// <summary>Every access token issued until now is expired: the next call with one is a 401.</summary>
    public void ExpireAccessTokensNow()
    {
        lock (_gate) _expireEpoch++;
    }

    /// <summary>Every bulk entry for this SKU fails with this message (statusCode 400, errorId 25002); others still apply.</summary>
    public void RejectSku(string sku, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        lock (_gate) _rejected[sku] = message;
    }

    /// <summary>After the next getOrders page that has a next page, an older order outside the filter window is
    /// modified, so it enters the result set before the offset already read and offset paging shifts by one.</summary>
    public void ShiftPagesNext()
    {
        lock (_gate) _shift = true;
    }

    /// <summary>Drops the scripted faults and rejections (expired tokens stay expired).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _throttle = _fail = 0;
            _shift = false;
            _rejected.Clear();
        }
    }

    internal long ExpireEpoch
    {
        get { lock (_gate) return _expireEpoch; }
    }

    internal bool TakeThrottle()
    {
        lock (_gate)
        {
            if (_throttle <= 0) return false;
            _throttle--;
            return true;
        }
    }

    internal int? TakeFailure()
    {
        lock (_gate)
        {
            if (_fail <= 0) return null;
            _fail--;
            return _failStatus;
        }
    }

    internal string? Rejection(string sku)
    {
        lock (_gate) return _rejected.TryGetValue(sku, out var m) ? m : null;
    }

    internal bool ShiftArmed
    {
        get { lock (_gate) return _shift; }
    }

    internal void ShiftDone()
    {
        lock (_gate) _shift = false;
    }
}
