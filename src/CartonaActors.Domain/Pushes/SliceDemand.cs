namespace CartonaActors.Domain.Pushes;

/// <summary>
/// Which of a connection's push slices the marketplace entity asks for more products, and how many: only while
/// its own buffer holds less than a bulk call, only slices that said they have some, one question per slice at
/// a time, so the entity holds about two bulk calls' worth whatever the catalog size.
/// </summary>
public sealed class SliceDemand(IReadOnlyList<string> sliceIds)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, int> _waiting = sliceIds.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _asking = new(StringComparer.Ordinal);

    public IReadOnlyList<string> SliceIds { get; } = sliceIds;

    /// <summary>Products the slices hold sendable, as they last said.</summary>
    public int Waiting => _waiting.Values.Sum();

    public void Report(string sliceId, int waiting) => _waiting[sliceId] = waiting;

    public void Answered(string sliceId, int waiting)
    {
        _asking.Remove(sliceId);
        _waiting[sliceId] = waiting;
    }

    /// <summary>The slices to ask now, each for how many.</summary>
    public IReadOnlyList<(string SliceId, int Max)> NextAsks(int buffered, int batchLimit, DateTimeOffset now)
    {
        foreach (var (id, since) in _asking.ToList())
            if (now - since > AnswerTimeout) _asking.Remove(id); // a lost answer must not silence the slice
        if (buffered >= batchLimit) return [];
        var candidates = _waiting.Where(kv => kv.Value > 0 && !_asking.ContainsKey(kv.Key)).Select(kv => kv.Key).ToList();
        if (candidates.Count == 0) return [];
        var share = Math.Max(Math.Min(batchLimit, 50), (2 * batchLimit - buffered) / Math.Max(1, _waiting.Count(kv => kv.Value > 0)));
        foreach (var id in candidates) _asking[id] = now;
        return candidates.Select(id => (id, share)).ToList();
    }
}
