namespace CartonaActors.Domain.Sync;

/// <summary>
/// Turns a burst of changes into one push: wait for a quiet window after the last change, but never longer
/// than the maximum delay after the first unpushed change.
/// </summary>
public sealed record DebouncePolicy(TimeSpan QuietWindow, TimeSpan MaxDelay)
{
    public static readonly DebouncePolicy Default = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));

    /// <summary>When the pending changes should be pushed.</summary>
    public DateTimeOffset DueAt(DateTimeOffset firstUnpushedChange, DateTimeOffset lastChange)
    {
        var quiet = lastChange + QuietWindow;
        var cap = firstUnpushedChange + MaxDelay;
        return quiet < cap ? quiet : cap;
    }

    public TimeSpan DelayFrom(DateTimeOffset now, DateTimeOffset firstUnpushedChange, DateTimeOffset lastChange)
    {
        var delay = DueAt(firstUnpushedChange, lastChange) - now;
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }
}
