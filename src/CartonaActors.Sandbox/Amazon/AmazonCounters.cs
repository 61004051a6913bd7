namespace CartonaActors.Sandbox.Amazon;

/// <summary>Running totals a test asserts on; safe to read while requests run.</summary>
public sealed class AmazonCounters
{
    private long _requests, _throttled, _tokens, _expired, _patches, _feeds, _refused, _messages, _failed, _searched;

    /// <summary>Every request the host received, whatever its answer.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Every 429: scripted, bucket or feed quota.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    public long TokensIssued => Interlocked.Read(ref _tokens);

    /// <summary>403s answered because the access token had expired (not missing or unknown ones).</summary>
    public long ExpiredTokenAnswers => Interlocked.Read(ref _expired);

    /// <summary>patchListingsItem calls that passed auth and limits (whatever their status).</summary>
    public long PatchCalls => Interlocked.Read(ref _patches);

    public long FeedsCreated => Interlocked.Read(ref _feeds);

    /// <summary>createFeed calls refused by the per-window JSON_LISTINGS_FEED quota.</summary>
    public long FeedsRefusedByQuota => Interlocked.Read(ref _refused);

    /// <summary>Feed messages processed, and those of them that failed.</summary>
    public long FeedMessages => Interlocked.Read(ref _messages);

    public long FeedMessagesFailed => Interlocked.Read(ref _failed);

    /// <summary>searchOrders calls answered 200.</summary>
    public long OrdersSearched => Interlocked.Read(ref _searched);

    internal void Request() => Interlocked.Increment(ref _requests);
    internal void Throttle() => Interlocked.Increment(ref _throttled);
    internal void TokenIssued() => Interlocked.Increment(ref _tokens);
    internal void ExpiredToken() => Interlocked.Increment(ref _expired);
    internal void Patch() => Interlocked.Increment(ref _patches);
    internal void FeedCreated() => Interlocked.Increment(ref _feeds);
    internal void FeedRefused() => Interlocked.Increment(ref _refused);
    internal void Messages(int processed, int failed)
    {
        Interlocked.Add(ref _messages, processed);
        Interlocked.Add(ref _failed, failed);
    }
    internal void Searched() => Interlocked.Increment(ref _searched);
}
