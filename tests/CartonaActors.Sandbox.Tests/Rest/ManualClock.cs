namespace CartonaActors.Sandbox.Tests.Rest;

/// <summary>A clock that moves only when the test says; timers (fault holds) still run on real time.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;

    public ManualClock() : this(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }
}
