using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Pushes;

/// <summary>
/// What one connection was asked to show, was sent and has confirmed or refused, for the products of one slice.
/// Durable state changes only through <see cref="Apply(PushSliceUpdated)"/> (a journaled group write); what is
/// handed to the marketplace entity is memory only: after a restart everything unconfirmed is sendable again.
/// A product is handed at most once at a time, so two sends of one product can never overtake each other, and
/// only its latest wanted version is ever handed, so an older value can never follow a newer one.
/// </summary>
public sealed class PushSlice(string connectionId, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Version, PushedValues? Values, DateTimeOffset At)> _handed = new(StringComparer.Ordinal);
    private readonly Queue<string> _sendable = new();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    // Memory only, never in an event: when the oldest unconfirmed change of each product was accepted (and its trace).
    private readonly Dictionary<string, ChangeOrigin> _origins = new(StringComparer.Ordinal);

    // Collected between group writes.
    private readonly Dictionary<string, WantedPush> _wanted = new(StringComparer.Ordinal);
    private readonly List<PushItem> _confirmed = [];
    private readonly List<RejectedItem> _refused = [];

    public string ConnectionId { get; } = connectionId;
    public int Count => _entries.Count;
    public int HandedCount => _handed.Count;

    /// <summary>Sendable and not handed.</summary>
    public int Waiting => _queued.Count;

    /// <summary>Rows changed since the last snapshot: the owner snapshots when this outgrows the slice.</summary>
    public long ChangedSinceSnapshot { get; private set; }

    public bool HasUnwritten => _wanted.Count > 0 || _confirmed.Count > 0 || _refused.Count > 0;

    /// <summary>Collects an offer for the next group write; false when it changes nothing (an equal or older
    /// offer), so it needs no write and can be answered as stored at once.</summary>
    public bool Offer(OfferPush offer)
    {
        var wanted = new WantedPush(offer.ProductId, offer.Version, offer.Ref, offer.Ref is null ? null : offer.Values);
        if (_wanted.TryGetValue(offer.ProductId, out var queued))
        {
            if (offer.Version < queued.Version) return false;
            // Not durable yet: even a repeat of the queued offer is answered only after the write.
            if (offer.Version > queued.Version || !SameTarget(queued.Ref, queued.Values, wanted)) _wanted[offer.ProductId] = wanted;
            RememberOrigin(offer);
            return true;
        }
        if (_entries.TryGetValue(offer.ProductId, out var e)
            && (offer.Version < e.WantedVersion || SameTarget(e.TargetRef, e.TargetValues, wanted))) return false;
        // The same version with other values is the product's rules having changed (a connection's warehouses, a
        // rounding rule), not an older read: the product is the only writer of its offers, so the later one wins.
        _wanted[offer.ProductId] = wanted;
        RememberOrigin(offer);
        return true;
    }

    private void RememberOrigin(OfferPush offer)
    {
        if (offer.Ref is null)
        {
            _origins.Remove(offer.ProductId);
            return;
        }
        if (offer.Origin is not { } origin) return;
        // An older change not yet sent is superseded unseen: its accept time stays, the newest values' confirmation
        // answers it. One already sent travels on its item and is answered there: each change is timed once.
        var olderWaits = _origins.TryGetValue(offer.ProductId, out var older)
            && !(_handed.TryGetValue(offer.ProductId, out var handed) && handed.Version >= older.Version);
        _origins[offer.ProductId] = olderWaits ? older!.FollowedBy(origin) : origin;
    }

    /// <summary>The origin is answered once the marketplace confirms or refuses its version (or a newer one).</summary>
    private void ForgetOrigin(string productId, long settledVersion)
    {
        if (_origins.TryGetValue(productId, out var origin) && origin.Version <= settledVersion) _origins.Remove(productId);
    }

    /// <summary>Whether an offer asks for what the slice already wants; whether a relisting is also to publish
    /// is the slice's own business, not the product's.</summary>
    private static bool SameTarget(ListingRef? listingRef, PushedValues? values, WantedPush w) =>
        Equals(listingRef, w.Ref) && Equals(values?.WithPublished(null), w.Values?.WithPublished(null));

    public void Settle(SettlePushes settle)
    {
        _confirmed.AddRange(settle.Confirmed);
        _refused.AddRange(settle.Refused);
    }

    /// <summary>The next group write, or null when nothing waits. Call again only after applying the previous one:
    /// a confirmation's values are omitted exactly when they equal the wanted values as of that write.</summary>
    public PushSliceUpdated? NextWrite(string sliceId)
    {
        if (!HasUnwritten) return null;
        var confirmed = new List<ConfirmedPush>(_confirmed.Count);
        foreach (var item in _confirmed)
        {
            // An answer for another listing id, or one that tells nothing new, changes nothing durable: free to go again now.
            if (!_entries.TryGetValue(item.ProductId, out var e) || !Equals(e.Ref, item.Ref) || item.Version < e.ConfirmedVersion
                || (item.Version == e.ConfirmedVersion && Equals(item.Values, e.Confirmed)))
            {
                Unhand(item);
                continue;
            }
            // Values and version both: values wanted later at the same version are not confirmed by this answer.
            var asWanted = item.Version == e.WantedVersion && Equals(item.Values, e.Wanted);
            confirmed.Add(new ConfirmedPush(item.ProductId, item.Version, asWanted ? null : item.Values));
        }
        var refused = new List<RefusedPush>(_refused.Count);
        foreach (var (item, reason) in _refused)
        {
            // A refusal of values no longer wanted at that version says nothing about the ones wanted now.
            if (!_entries.TryGetValue(item.ProductId, out var e) || !Equals(e.Ref, item.Ref) || item.Version <= e.RefusedVersion
                || (item.Version == e.WantedVersion && !Equals(item.Values, e.Wanted)))
            {
                Unhand(item);
                continue;
            }
            refused.Add(new RefusedPush(item.ProductId, item.Version, reason));
        }
        // The others stay handed until the write is applied: sendable again before that, they would go twice.
        var update = new PushSliceUpdated(sliceId, confirmed, refused, _wanted.Values.ToList());
        _wanted.Clear();
        _confirmed.Clear();
        _refused.Clear();
        return update;
    }

    public void Apply(PushSliceUpdated update)
    {
        foreach (var c in update.Confirmed)
        {
            if (!_entries.TryGetValue(c.ProductId, out var e) || c.Version < e.ConfirmedVersion) continue;
            e.ConfirmedVersion = c.Version;
            e.Confirmed = c.Values ?? e.Wanted;
            e.SettledAt = _clock.GetUtcNow();
            ForgetOrigin(c.ProductId, c.Version);
            Unhand(c.ProductId, c.Version, e.Confirmed);
            if (e.Closing && c.Version >= e.WantedVersion && Equals(e.Confirmed, e.Wanted)) Closed(e);
            Dequeue(c.ProductId, e);
        }
        foreach (var r in update.Refused)
        {
            if (!_entries.TryGetValue(r.ProductId, out var e) || r.Version <= e.RefusedVersion) continue;
            e.RefusedVersion = r.Version;
            e.Refusal = r.Reason;
            e.SettledAt = _clock.GetUtcNow();
            ForgetOrigin(r.ProductId, r.Version);
            Unhand(r.ProductId, r.Version, r.Version == e.WantedVersion ? e.Wanted : null);
            if (e.Closing && r.Version >= e.WantedVersion) Closed(e); // e.g. the marketplace no longer knows the id
            Dequeue(r.ProductId, e);
        }
        foreach (var w in update.Wanted)
        {
            if (!_entries.TryGetValue(w.ProductId, out var e))
            {
                _entries[w.ProductId] = new Entry { Ref = w.Ref, WantedVersion = w.Version, Wanted = w.Ref is null ? null : w.Values };
                Enqueue(w.ProductId);
                continue;
            }
            if (w.Version < e.WantedVersion || (w.Version == e.WantedVersion && SameTarget(e.TargetRef, e.TargetValues, w))) continue;
            if (w.Version == e.WantedVersion && e.RefusedVersion == w.Version)
            {
                // Other values at the refused version: they were never refused.
                e.RefusedVersion = w.Version - 1;
                e.Refusal = null;
            }
            if (w.Ref is null) Withdraw(e, w.Version);
            else List(e, w);
            Enqueue(w.ProductId);
        }
        ChangedSinceSnapshot += update.Confirmed.Count + update.Refused.Count + update.Wanted.Count;
    }

    /// <summary>The product left the connection (unlisted, archived, no longer for sale). Forgetting the listing
    /// would leave it on sale with its last stock, so the slice first sends it as unpublished with no stock to its
    /// listing id, and forgets the id only once that is confirmed (<see cref="Closed"/>).</summary>
    private static void Withdraw(Entry e, long version)
    {
        if (e.Closing) return;
        e.WantedVersion = version;
        if (e.Ref is null || e.Wanted is null)
        {
            e.Ref = null;
            e.Wanted = null;
            return;
        }
        e.Closing = true;
        e.Wanted = e.Wanted.Withdrawn();
    }

    private static void Closed(Entry e)
    {
        e.Closing = false;
        e.Withdrawn = true;
        e.Ref = null;
        e.Wanted = e.Confirmed = null;
    }

    private static void List(Entry e, WantedPush w)
    {
        // A product withdrawn there (or being withdrawn) was sent as unpublished: listing it again publishes it.
        var republish = e.Closing || e.Withdrawn;
        e.Closing = e.Withdrawn = false;
        if (!Equals(e.Ref, w.Ref))
        {
            // Another listing id: what the old one confirmed or refused says nothing about the new one.
            e.Ref = w.Ref;
            e.ConfirmedVersion = e.RefusedVersion = 0;
            e.Confirmed = null;
            e.Refusal = null;
        }
        e.WantedVersion = w.Version;
        e.Wanted = republish ? w.Values! with { Published = true } : w.Values;
    }

    /// <returns>How many products it makes sendable again.</returns>
    public int Apply(PushSliceResyncRequested resync)
    {
        if (resync.ProductId is { } one)
        {
            if (!_entries.TryGetValue(one, out var entry) || entry.Ref is null || entry.Wanted is null) return 0;
            entry.ConfirmedVersion = entry.RefusedVersion = 0;
            Enqueue(one);
            ChangedSinceSnapshot++;
            return 1;
        }
        foreach (var (id, e) in _entries)
        {
            if (e.Ref is null || e.Wanted is null) continue;
            e.ConfirmedVersion = e.RefusedVersion = 0;
            Enqueue(id);
        }
        ChangedSinceSnapshot += _entries.Count;
        return _entries.Count;
    }

    /// <summary>Products read back as showing other values than they confirmed (or not listed) become sendable
    /// again, with what was shown as their confirmed values; one confirmed anew since the read is left alone.</summary>
    public void Apply(PushesDrifted drifted)
    {
        foreach (var d in drifted.Drifted)
        {
            if (!_entries.TryGetValue(d.ProductId, out var e) || e.ConfirmedVersion != d.Version || e.WantedVersion != d.Version
                || !Equals(e.Confirmed, e.Wanted)) continue;
            e.Confirmed = d.Shown;
            Enqueue(d.ProductId);
        }
        ChangedSinceSnapshot += drifted.Drifted.Count;
    }

    /// <summary>Every product with a listing id here, for matching the marketplace's list to products.</summary>
    public IEnumerable<(string ProductId, ListingRef Ref)> Listings() =>
        _entries.Where(kv => kv.Value.Ref is not null && !kv.Value.Closing).Select(kv => (kv.Key, kv.Value.Ref!));

    /// <summary>What the marketplace confirmed for the product, if a read made at <paramref name="readAt"/> can judge
    /// it: settled at its latest values before the read, not being sent, not refused, not being withdrawn.</summary>
    public (long Version, PushedValues Values)? ConfirmedBefore(string productId, DateTimeOffset readAt) =>
        _entries.TryGetValue(productId, out var e) && e.Ref is not null && !e.Closing && !e.Pending && !_handed.ContainsKey(productId)
        && e.Confirmed is { } confirmed && e.ConfirmedVersion == e.WantedVersion && e.RefusedVersion < e.WantedVersion
        && e.SettledAt < readAt
            ? (e.ConfirmedVersion, confirmed)
            : null;

    /// <summary>The listing id the product is pushed to here, if any.</summary>
    public ListingRef? RefOf(string productId) => _entries.TryGetValue(productId, out var e) && !e.Closing ? e.Ref : null;

    /// <summary>What one <see cref="Take"/> hands over at most, by <see cref="WireSize"/>: the batch crosses to the
    /// connection's node and its settlement comes back with a reason per item, both inside one remote frame
    /// (hocon/akka.hocon). Batches of ordinary ids (a few dozen characters) never come near it.</summary>
    public const long MaxTakenBytes = 1024 * 1024;

    /// <summary>Up to <paramref name="max"/> sendable products (and at most <see cref="MaxTakenBytes"/> of them),
    /// oldest first, now marked as handed.</summary>
    public IReadOnlyList<PushItem> Take(int max, DateTimeOffset now)
    {
        var items = new List<PushItem>(Math.Min(max, _queued.Count));
        var bytes = 0L;
        while (items.Count < max && bytes < MaxTakenBytes && _sendable.TryDequeue(out var id))
        {
            _queued.Remove(id);
            if (!_entries.TryGetValue(id, out var e) || !e.Pending || _handed.ContainsKey(id)) continue;
            _handed[id] = (e.WantedVersion, e.Wanted, now);
            var item = new PushItem(id, ConnectionId, e.Ref!, e.Wanted!, e.WantedVersion, _origins.GetValueOrDefault(id));
            items.Add(item);
            bytes += WireSize.Of(item);
        }
        return items;
    }

    /// <summary>The marketplace entity lost what it was handed (it restarted): all of it is sendable again.</summary>
    public void ReleaseHanded()
    {
        var ids = _handed.Keys.ToList();
        _handed.Clear();
        foreach (var id in ids) Enqueue(id);
    }

    /// <summary>Handed products that were neither confirmed nor refused in time (a lost answer) go again.</summary>
    public int ReleaseStale(DateTimeOffset now, TimeSpan after)
    {
        var stale = _handed.Where(h => now - h.Value.At >= after).Select(h => h.Key).ToList();
        foreach (var id in stale)
        {
            _handed.Remove(id);
            Enqueue(id);
        }
        return stale.Count;
    }

    public PushEntryView View(string productId) => _entries.TryGetValue(productId, out var e)
        ? new PushEntryView(productId, ConnectionId, true, e.Ref, e.WantedVersion, e.Wanted, e.ConfirmedVersion, e.Confirmed,
            e.RefusedVersion, e.Refusal, _handed.ContainsKey(productId))
        : new PushEntryView(productId, ConnectionId, false, null, 0, null, 0, null, 0, null, false);

    public PushSliceSnapshot Snapshot()
    {
        ChangedSinceSnapshot = 0;
        return new PushSliceSnapshot(_entries.Select(kv => new PushSliceRow(kv.Key, kv.Value.Ref, kv.Value.WantedVersion, kv.Value.Wanted,
            kv.Value.ConfirmedVersion, kv.Value.Confirmed, kv.Value.RefusedVersion, kv.Value.Refusal, kv.Value.Closing, kv.Value.Withdrawn)).ToList());
    }

    public void Restore(PushSliceSnapshot snapshot)
    {
        foreach (var r in snapshot.Rows)
        {
            _entries[r.ProductId] = new Entry
            {
                Ref = r.Ref, WantedVersion = r.WantedVersion, Wanted = r.Wanted, ConfirmedVersion = r.ConfirmedVersion,
                Confirmed = r.Confirmed, RefusedVersion = r.RefusedVersion, Refusal = r.Refusal, Closing = r.Closing, Withdrawn = r.Withdrawn,
                SettledAt = _clock.GetUtcNow(),
            };
            Enqueue(r.ProductId);
        }
    }

    private void Enqueue(string productId)
    {
        if (_handed.ContainsKey(productId) || !_entries.TryGetValue(productId, out var e) || !e.Pending) return;
        if (_queued.Add(productId)) _sendable.Enqueue(productId);
    }

    /// <summary>A settled product leaves the count of waiting ones at once (a replay queues each wanted version
    /// before reading its confirmation); its id may stay in the send order, where <see cref="Take"/> skips it.</summary>
    private void Dequeue(string productId, Entry e)
    {
        if (!e.Pending) _queued.Remove(productId);
    }

    private void Unhand(PushItem item) => Unhand(item.ProductId, item.Version, item.Values);

    /// <summary>Frees a handed product once the answer is for what was handed (or newer): an answer for other
    /// values at the same version leaves the send that is in flight handed, so no second send can overtake it.</summary>
    private void Unhand(string productId, long version, PushedValues? values)
    {
        if (_handed.TryGetValue(productId, out var h) && (h.Version < version || (h.Version == version && (values is null || Equals(h.Values, values)))))
        {
            _handed.Remove(productId);
            Enqueue(productId);
        }
    }

    private sealed class Entry
    {
        public ListingRef? Ref;
        public long WantedVersion;
        public PushedValues? Wanted;
        public long ConfirmedVersion;
        public PushedValues? Confirmed;
        public long RefusedVersion;
        public string? Refusal;

        /// <summary>Withdrawn from the connection, and its unpublished, stock-free state not yet confirmed.</summary>
        public bool Closing;

        /// <summary>Was listed, then withdrawn: listed again, it is to be published again.</summary>
        public bool Withdrawn;

        /// <summary>When a confirmation or refusal was last applied (memory only; replay sets it to the replay's
        /// time): a read-back made before that cannot judge the product.</summary>
        public DateTimeOffset SettledAt;

        /// <summary>What the product last asked for: nothing once it asked to be withdrawn.</summary>
        public ListingRef? TargetRef => Closing ? null : Ref;

        public PushedValues? TargetValues => Closing ? null : Wanted;

        public bool Pending => Ref is not null && Wanted is not null && WantedVersion > RefusedVersion
            && (WantedVersion > ConfirmedVersion || (WantedVersion == ConfirmedVersion && !Equals(Wanted, Confirmed)));
    }
}
