namespace CartonaActors.Marketplaces.Amazon;

/// <summary>
/// The listings feed quota (5 submissions per 5 minutes per region), counted from this connection's own
/// submissions: a feed is submitted only when the quota has room, so Amazon's 429 for it is the exception, not
/// the pacing. Submissions are also spaced evenly (one per window / quota, a minute by default): five small feeds
/// in the first seconds of a catalog load would otherwise spend the quota and leave the rest waiting five minutes,
/// where spacing lets the changes that arrive meanwhile gather into the next feed. Kept in memory: after a restart
/// the first feeds may meet one 429, which the usage plan then paces.
/// </summary>
internal sealed class AmazonFeedQuota(int perWindow, TimeSpan window, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _submitted = new();
    private readonly TimeSpan _spacing = window / perWindow;
    private DateTimeOffset? _last;

    /// <summary>Takes a submission now, or says how long until one may go.</summary>
    public TimeSpan TryTake()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            while (_submitted.Count > 0 && _submitted.Peek() <= now - window) _submitted.Dequeue();
            var wait = _submitted.Count >= perWindow ? _submitted.Peek() + window - now : TimeSpan.Zero;
            if (_last is { } last && last + _spacing - now > wait) wait = last + _spacing - now;
            if (wait > TimeSpan.Zero) return wait;
            _submitted.Enqueue(now);
            _last = now;
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
