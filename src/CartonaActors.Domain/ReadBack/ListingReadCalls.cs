using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.ReadBack;

/// <summary>What happens after a read-back page call: the page goes to the pass, or the call goes again.</summary>
public abstract record ListingReadStep
{
    private ListingReadStep() { }

    public sealed record Read(ListingPageRequest Request, ListingPage Page) : ListingReadStep;

    /// <summary>429: the whole connection pauses (the platform's limit is shared) and the page waits.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : ListingReadStep;

    /// <summary>A failure: the page goes again after a backoff that pushes do not feel.</summary>
    public sealed record Retry : ListingReadStep;

    /// <summary>Refused, or failing for too long: the pass is given up until the next one.</summary>
    public sealed record Abandon(string Reason) : ListingReadStep;
}

/// <summary>
/// The marketplace entity's bookkeeping of read-back calls: at most one waiting page and one in flight, its own
/// failure count and backoff. The entity decides when the connection is idle and pays the call from its bucket.
/// </summary>
public sealed class ListingReadCalls(RetryBackoff backoff)
{
    public const int MaxFailures = 5;

    private ListingPageRequest? _waiting;
    private DateTimeOffset _notBefore;
    private int _failures;

    public long? InFlight { get; private set; }

    public void Want(ListingPageRequest request) => _waiting = request;

    /// <summary>A page waits and none is in flight; <paramref name="wait"/> &gt; 0 while its backoff runs.</summary>
    public bool Due(DateTimeOffset now, out TimeSpan wait)
    {
        wait = _notBefore > now ? _notBefore - now : TimeSpan.Zero;
        return _waiting is not null && InFlight is null;
    }

    public ListingPageRequest Start(long key)
    {
        var request = _waiting ?? throw new InvalidOperationException("no read-back page waits");
        _waiting = null;
        InFlight = key;
        return request;
    }

    /// <summary>The step for a call's outcome; null when it is not the call in flight (late or timed out already).</summary>
    public ListingReadStep? Completed(long key, ListingPageRequest request, CallOutcome outcome, ListingPage? page, DateTimeOffset now, double random01)
    {
        if (InFlight != key) return null;
        InFlight = null;
        switch (outcome)
        {
            case CallOutcome.Accepted when page is not null:
                _failures = 0;
                return new ListingReadStep.Read(request, page);
            case CallOutcome.RateLimited limited:
                _waiting = request;
                return new ListingReadStep.RateLimited(limited.RetryAfter);
            case CallOutcome.Refused or CallOutcome.Accepted:
                _failures = 0;
                return new ListingReadStep.Abandon(outcome.ToString());
            default:
                if (++_failures > MaxFailures)
                {
                    var reason = $"{_failures} failed reads, last: {outcome}";
                    _failures = 0;
                    return new ListingReadStep.Abandon(reason);
                }
                _waiting = request;
                _notBefore = now + backoff.Delay(_failures, random01);
                return new ListingReadStep.Retry();
        }
    }
}
