namespace CartonaActors.Sandbox.Rest;

/// <summary>Thread-safe log of answered requests; readers get a snapshot.</summary>
internal sealed class RestCallLog
{
    private readonly object _gate = new();
    private readonly List<RestRecordedCall> _calls = [];

    public void Record(RestRecordedCall call)
    {
        lock (_gate) _calls.Add(call);
    }

    public IReadOnlyList<RestRecordedCall> Snapshot()
    {
        lock (_gate) return _calls.ToArray();
    }

    public void Clear()
    {
        lock (_gate) _calls.Clear();
    }
}
