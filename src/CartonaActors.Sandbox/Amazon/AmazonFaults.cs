using CartonaActors.Sandbox.Amazon.Auth;

namespace CartonaActors.Sandbox.Amazon;

/// <summary>Scripted failures. Each "next" fault is consumed by the request (or feed) it hits; failing SKUs stand until
/// <see cref="Clear"/>.</summary>
public sealed class AmazonFaults
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _throttle = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failingSkus = new(StringComparer.Ordinal);
    private readonly LwaTokenStore _tokens;
    private int _fail, _failStatus, _fatal;

    internal AmazonFaults(LwaTokenStore tokens) => _tokens = tokens;

    /// <summary>The next N calls of this operation get 429 QuotaExceeded (no Retry-After), whatever the bucket holds.</summary>
    public void ThrottleNext(string operation, int count = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        lock (_gate) _throttle[operation] = _throttle.GetValueOrDefault(operation) + count;
    }

    /// <summary>The next N authenticated SP-API calls, of any operation, get this status and nothing is done.</summary>
    public void FailNext(int count, int status)
    {
        lock (_gate)
        {
            _fail = count;
            _failStatus = status;
        }
    }

    /// <summary>Every access token issued so far is expired from now on; new refreshes give live ones.</summary>
    public void ExpireAccessTokensNow() => _tokens.ExpireAll();

    /// <summary>These SKUs' messages fail in every later feed, and patchListingsItem answers INVALID for them.</summary>
    public void FailFeedMessages(params string[] skus)
    {
        lock (_gate) _failingSkus.UnionWith(skus);
    }

    /// <summary>The next feed created ends FATAL, with a processing report saying why.</summary>
    public void FatalNextFeed()
    {
        lock (_gate) _fatal++;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _throttle.Clear();
            _failingSkus.Clear();
            _fail = _fatal = 0;
        }
    }

    internal bool TakeThrottle(string operation)
    {
        lock (_gate)
        {
            if (_throttle.GetValueOrDefault(operation) <= 0) return false;
            _throttle[operation]--;
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

    internal bool TakeFatal()
    {
        lock (_gate)
        {
            if (_fatal <= 0) return false;
            _fatal--;
            return true;
        }
    }

    internal bool SkuFails(string sku)
    {
        lock (_gate) return _failingSkus.Contains(sku);
    }
}
