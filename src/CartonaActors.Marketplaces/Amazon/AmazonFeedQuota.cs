namespace CartonaActors.Marketplaces.Amazon;

/// <summary>
/// The listings feed quota (5 submissions per 5 minutes per region), counted from this connection's own
/// submissions over a sliding window: a feed is submitted only when the quota has room, so Amazon's 429 for it
/// is the exception, not the pacing. Kept in memory: after a restart the first feeds may meet one 429, which the
/// usage plan then paces.
/// </summary>
internal sealed class AmazonFeedQuota(int perWindow, TimeSpan window, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _submitted = new();

    /// <summary>Takes a submission now, or says how long until one frees.</summary>
    public TimeSpan TryTake()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            while (_submitted.Count > 0 && _submitted.Peek() <= now - window) _submitted.Dequeue();
            if (_submitted.Count >= perWindow) return _submitted.Peek() + window - now;
            _submitted.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>Amazon refused the submission all the same: the window is full by its count.</summary>
    public void Refused()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            while (_submitted.Count < perWindow) _submitted.Enqueue(now);
        }
    }
}
