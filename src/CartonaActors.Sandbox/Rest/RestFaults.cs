namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// Scripted failures. Queued faults are taken one per request, in order (the first whose path prefix matches).
/// Item rejections are standing: every batch item with that external_id, on either batch endpoint, gets the
/// scripted per-item error until it is cleared, while the rest of its batch goes through.
/// </summary>
public sealed class RestFaults
{
    private readonly object _gate = new();
    private readonly List<Entry> _queue = [];
    private readonly Dictionary<string, RestItemRejection> _rejections = new(StringComparer.Ordinal);

    /// <summary>Answers the next <paramref name="times"/> matching requests with <paramref name="fault"/>.</summary>
    /// <param name="pathPrefix">Relative to the base URL, e.g. <c>v1/inventory:batch</c> or <c>v1/orders</c>; null = any path.</param>
    public void Enqueue(RestFault fault, int times = 1, string? pathPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate) _queue.Add(new Entry(fault, times, pathPrefix?.Trim().TrimStart('/')));
    }

    /// <summary>Every item with <paramref name="externalId"/> gets <c>{"code":code,"message":message}</c> until cleared.</summary>
    public void RejectItem(string externalId, string code, string message = "rejected by the marketplace")
    {
        ArgumentException.ThrowIfNullOrEmpty(externalId);
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate) _rejections[externalId] = new RestItemRejection(externalId, code, message);
    }

    /// <summary>Lets items with <paramref name="externalId"/> through again.</summary>
    public void ClearRejection(string externalId)
    {
        lock (_gate) _rejections.Remove(externalId);
    }

    /// <summary>Drops queued faults and item rejections.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _rejections.Clear();
        }
    }

    /// <summary>Faults still queued (sum of remaining counts).</summary>
    public int Pending
    {
        get { lock (_gate) return _queue.Sum(e => e.Remaining); }
    }

    /// <summary>Standing item rejections.</summary>
    public IReadOnlyList<RestItemRejection> Rejections
    {
        get { lock (_gate) return _rejections.Values.ToList(); }
    }

    /// <summary>Takes the fault for a request to <paramref name="relativePath"/>, if any.</summary>
    internal RestFault? Take(string relativePath)
    {
        lock (_gate)
        {
            var entry = _queue.FirstOrDefault(e => e.PathPrefix is null
                || relativePath.StartsWith(e.PathPrefix, StringComparison.OrdinalIgnoreCase));
            if (entry is null) return null;
            if (--entry.Remaining == 0) _queue.Remove(entry);
            return entry.Fault;
        }
    }

    /// <summary>The rejections in force, copied once per batch so the batch sees one consistent set.</summary>
    internal IReadOnlyDictionary<string, RestItemRejection> RejectionsNow()
    {
        lock (_gate) return new Dictionary<string, RestItemRejection>(_rejections, StringComparer.Ordinal);
    }

    private sealed class Entry(RestFault fault, int remaining, string? pathPrefix)
    {
        public RestFault Fault { get; } = fault;
        public int Remaining { get; set; } = remaining;
        public string? PathPrefix { get; } = pathPrefix;
    }
}
