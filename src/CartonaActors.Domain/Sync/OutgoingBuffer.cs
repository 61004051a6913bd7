using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Sync;

/// <summary>
/// The products a marketplace entity has taken from its push slices and not yet settled, keyed by product: a
/// newer version replaces an older one before it is sent, an older version never replaces a newer one, and a
/// product has at most one batch in flight so two pushes of one product cannot overtake each other. Bounded by
/// what the entity takes (about two bulk calls' worth), not by the catalog. A product the platform cannot take yet
/// (a listing at its daily revision cap) is held until a time: it keeps its place, and a newer version replaces the
/// held one without ending the hold, so the latest value is what goes once the platform allows.
/// </summary>
public sealed class OutgoingBuffer
{
    private readonly Dictionary<string, PushItem> _waiting = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Dictionary<string, long> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _heldUntil = new(StringComparer.Ordinal);

    public int WaitingCount => _waiting.Count;
    public int InFlightCount => _inFlight.Count;

    /// <summary>Products held back for the platform, each until its time.</summary>
    public int HeldCount => _heldUntil.Count;

    /// <summary>Whether at least one waiting product is neither in flight nor held at <paramref name="now"/>.</summary>
    public bool HasSendable(DateTimeOffset now) => _waiting.Keys.Any(id => !_inFlight.ContainsKey(id) && !IsHeld(id, now));

    /// <summary>When the earliest hold ends (null: nothing held).</summary>
    public DateTimeOffset? NextHoldEnd => _heldUntil.Count == 0 ? null : _heldUntil.Values.Min();

    private bool IsHeld(string id, DateTimeOffset now)
    {
        if (!_heldUntil.TryGetValue(id, out var until)) return false;
        if (until > now) return true;
        _heldUntil.Remove(id);
        return false;
    }

    /// <summary>Adds an item; false when a version as new already waits or is in flight for that product.</summary>
    public bool Offer(PushItem item)
    {
        if (_waiting.TryGetValue(item.ProductId, out var w) && w.Version >= item.Version) return false;
        if (_inFlight.TryGetValue(item.ProductId, out var f) && f >= item.Version) return false;
        if (w is null) _order.Enqueue(item.ProductId);
        _waiting[item.ProductId] = item;
        return true;
    }

    /// <summary>Takes up to <paramref name="max"/> items, oldest first, skipping products in flight or held at
    /// <paramref name="now"/> (default: every hold still stands).</summary>
    public IReadOnlyList<PushItem> TakeBatch(int max, DateTimeOffset? now = null)
    {
        var at = now ?? DateTimeOffset.MinValue;
        var batch = new List<PushItem>(Math.Min(max, _waiting.Count));
        var skipped = new List<string>();
        while (batch.Count < max && _order.Count > 0)
        {
            var id = _order.Dequeue();
            if (!_waiting.TryGetValue(id, out var item)) continue;
            if (_inFlight.ContainsKey(id) || IsHeld(id, at)) { skipped.Add(id); continue; }
            _waiting.Remove(id);
            _inFlight[id] = item.Version;
            batch.Add(item);
        }
        // Products skipped for being in flight or held keep their place at the front.
        if (skipped.Count > 0)
        {
            var rest = _order.ToArray();
            _order.Clear();
            foreach (var id in skipped.Concat(rest)) _order.Enqueue(id);
        }
        return batch;
    }

    /// <summary>The batch is settled (delivered or given up on): its products may be sent again.</summary>
    public void Settle(IEnumerable<PushItem> batch)
    {
        foreach (var item in batch) _inFlight.Remove(item.ProductId);
    }

    /// <summary>The batch must be sent again; an item is dropped where a newer version already waits.</summary>
    public void Requeue(IEnumerable<PushItem> batch)
    {
        foreach (var item in batch)
        {
            _inFlight.Remove(item.ProductId);
            if (_waiting.TryGetValue(item.ProductId, out var newer) && newer.Version >= item.Version) continue;
            if (!_waiting.ContainsKey(item.ProductId)) _order.Enqueue(item.ProductId);
            _waiting[item.ProductId] = item;
        }
    }

    /// <summary>The platform took none of these yet: each waits, its place kept, until <paramref name="until"/>.</summary>
    public void Hold(IEnumerable<(PushItem Item, DateTimeOffset Until)> held)
    {
        foreach (var (item, until) in held)
        {
            Requeue([item]);
            _heldUntil[item.ProductId] = _heldUntil.TryGetValue(item.ProductId, out var already) && already > until ? already : until;
        }
    }
}
