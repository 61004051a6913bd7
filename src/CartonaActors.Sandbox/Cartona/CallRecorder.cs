namespace CartonaActors.Sandbox.Cartona;

/// <summary>Thread-safe log of answered requests; readers get a snapshot.</summary>
internal sealed class CallRecorder
{
    private readonly object _gate = new();
    private readonly List<RecordedCall> _calls = [];

    public void Record(RecordedCall call)
    {
        lock (_gate) _calls.Add(call);
    }

    public IReadOnlyList<RecordedCall> Snapshot()
    {
        lock (_gate) return _calls.ToArray();
    }

    public void Clear()
    {
        lock (_gate) _calls.Clear();
    }
}
