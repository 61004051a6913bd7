namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// Scripted failures. Checked after auth and rate limiting, one per request: queued faults are consumed in
/// order (first one whose path prefix matches), and a standing <see cref="FailAll"/> applies until
/// <see cref="Clear"/>. A faulted request never applies its batch.
/// </summary>
public sealed class CartonaFaults
{
    private readonly object _gate = new();
    private readonly List<Entry> _queue = [];
    private (int Status, string? PathPrefix)? _standing;
    private (CartonaFaultMix Mix, Random Random)? _random;
    private readonly Dictionary<string, int> _injected = new(StringComparer.Ordinal);

    /// <summary>From now on every request (after the queued faults) gets a fault of the mix at its rate, drawn from
    /// a generator seeded with <paramref name="seed"/>, until <see cref="Clear"/>.</summary>
    public void InjectAtRandom(CartonaFaultMix mix, int seed)
    {
        ArgumentNullException.ThrowIfNull(mix);
        lock (_gate) _random = (mix, new Random(seed));
    }

    /// <summary>Faults answered so far, by kind (the fault's type name), queued, standing and random alike.</summary>
    public IReadOnlyDictionary<string, int> InjectedByKind
    {
        get { lock (_gate) return new Dictionary<string, int>(_injected, StringComparer.Ordinal); }
    }

    /// <summary>Answers the next <paramref name="times"/> matching requests with <paramref name="fault"/>.</summary>
    /// <param name="pathPrefix">Relative to the API root, e.g. <c>supplier-product/bulk-update</c>; null = any path.</param>
    public void Enqueue(CartonaFault fault, int times = 1, string? pathPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate) _queue.Add(new Entry(fault, times, Normalise(pathPrefix)));
    }

    /// <summary>Answers every matching request with <paramref name="status"/> until <see cref="Clear"/>.</summary>
    public void FailAll(int status, string? pathPrefix = null)
    {
        lock (_gate) _standing = (status, Normalise(pathPrefix));
    }

    /// <summary>Drops queued and standing faults.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _standing = null;
            _random = null;
        }
    }

    /// <summary>Faults still queued (sum of remaining counts).</summary>
    public int Pending
    {
        get { lock (_gate) return _queue.Sum(e => e.Remaining); }
    }

    /// <summary>Takes the fault for a request to <paramref name="relativePath"/>, if any.</summary>
    internal CartonaFault? Take(string relativePath)
    {
        lock (_gate)
        {
            return Count(TakeLocked(relativePath));
        }
    }

    private CartonaFault? TakeLocked(string relativePath)
    {
        if (_standing is { } standing && Matches(standing.PathPrefix, relativePath))
            return new CartonaFault.ServerError(standing.Status);
        var entry = _queue.FirstOrDefault(e => Matches(e.PathPrefix, relativePath));
        if (entry is not null)
        {
            if (--entry.Remaining == 0) _queue.Remove(entry);
            return entry.Fault;
        }
        return _random is { } r ? r.Mix.Draw(r.Random) : null;
    }

    private CartonaFault? Count(CartonaFault? fault)
    {
        if (fault is not null)
        {
            var kind = fault is CartonaFault.ServerError e ? $"ServerError{e.Status}" : fault.GetType().Name;
            _injected[kind] = _injected.GetValueOrDefault(kind) + 1;
        }
        return fault;
    }

    private static bool Matches(string? prefix, string path) =>
        prefix is null || path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static string? Normalise(string? prefix) => prefix?.Trim().TrimStart('/');

    private sealed class Entry(CartonaFault fault, int remaining, string? pathPrefix)
    {
        public CartonaFault Fault { get; } = fault;
        public int Remaining { get; set; } = remaining;
        public string? PathPrefix { get; } = pathPrefix;
    }
}
