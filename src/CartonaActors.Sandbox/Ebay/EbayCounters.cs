namespace CartonaActors.Sandbox.Ebay;

/// <summary>Running totals a test asserts on; safe to read while requests run.</summary>
public sealed class EbayCounters
{
    private long _requests, _throttled, _tokens, _expired, _bulk, _revisions, _capRefusals, _quotaRefusals;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Every 429 answered: scripted ones and quota refusals.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Access tokens issued, over HTTP or by <see cref="EbayEmulator.IssueAccessToken"/>.</summary>
    public long TokensIssued => Interlocked.Read(ref _tokens);

    /// <summary>401s answered to a token we issued that had expired (by lifetime or by the fault).</summary>
    public long ExpiredTokenAnswers => Interlocked.Read(ref _expired);

    /// <summary>bulk_update_price_quantity calls that passed request-level validation.</summary>
    public long BulkCalls => Interlocked.Read(ref _bulk);

    /// <summary>Offer revisions applied (entries that changed a listing).</summary>
    public long RevisionsApplied => Interlocked.Read(ref _revisions);

    public long RevisionCapRefusals => Interlocked.Read(ref _capRefusals);

    public long QuotaRefusals => Interlocked.Read(ref _quotaRefusals);

    internal void Request() => Interlocked.Increment(ref _requests);
    internal void Throttle() => Interlocked.Increment(ref _throttled);
    internal void TokenIssued() => Interlocked.Increment(ref _tokens);
    internal void ExpiredToken() => Interlocked.Increment(ref _expired);
    internal void BulkCall() => Interlocked.Increment(ref _bulk);
    internal void Revision() => Interlocked.Increment(ref _revisions);
    internal void CapRefusal() => Interlocked.Increment(ref _capRefusals);
    internal void QuotaRefusal() => Interlocked.Increment(ref _quotaRefusals);
}
