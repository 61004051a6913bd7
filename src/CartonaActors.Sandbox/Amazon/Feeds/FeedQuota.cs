namespace CartonaActors.Sandbox.Amazon.Feeds;

/// <summary>The JSON_LISTINGS_FEED submission quota: at most N accepted submissions in any sliding window (by the options'
/// clock), on top of createFeed's own token bucket.</summary>
internal sealed class FeedQuota(AmazonEmulatorOptions options)
{
    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset> _accepted = new();

    public bool TryTake()
    {
        var now = options.Clock.GetUtcNow();
        lock (_gate)
        {
            while (_accepted.Count > 0 && _accepted.Peek() <= now - options.FeedWindow) _accepted.Dequeue();
            if (_accepted.Count >= options.FeedsPerWindow) return false;
            _accepted.Enqueue(now);
            return true;
        }
    }
}
