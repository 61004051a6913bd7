namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// Running totals since start (or <see cref="Reset"/>), cheap enough to keep on during benchmarks where the
/// call log is too heavy. Updated before each answer is written, so a caller holding its response sees them.
/// </summary>
public sealed class RestEmulatorCounters
{
    private long _requests;
    private long _rateLimited;
    private long _itemsApplied;
    private long _staleItemsIgnored;
    private long _idempotentReplays;

    /// <summary>Every answered request, whatever its status (401s and held requests the client left included).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>429s answered, from the token bucket or from a scripted fault.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Batch items applied (stale ones and refused ones not counted).</summary>
    public long ItemsApplied => Interlocked.Read(ref _itemsApplied);

    /// <summary>Batch items answered ok but not applied because a higher version was already held.</summary>
    public long StaleItemsIgnored => Interlocked.Read(ref _staleItemsIgnored);

    /// <summary>Stored answers replayed for a repeated Idempotency-Key.</summary>
    public long IdempotentReplays => Interlocked.Read(ref _idempotentReplays);

    /// <summary>Back to zero, e.g. after seeding through the API.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _rateLimited, 0);
        Interlocked.Exchange(ref _itemsApplied, 0);
        Interlocked.Exchange(ref _staleItemsIgnored, 0);
        Interlocked.Exchange(ref _idempotentReplays, 0);
    }

    internal void Answered(int status, bool replayed)
    {
        Interlocked.Increment(ref _requests);
        if (status == 429) Interlocked.Increment(ref _rateLimited);
        if (replayed) Interlocked.Increment(ref _idempotentReplays);
    }

    internal void Batch(int applied, int stale)
    {
        Interlocked.Add(ref _itemsApplied, applied);
        Interlocked.Add(ref _staleItemsIgnored, stale);
    }
}
