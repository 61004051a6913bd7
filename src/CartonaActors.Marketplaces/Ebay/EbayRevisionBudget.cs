namespace CartonaActors.Marketplaces.Ebay;

/// <summary>
/// eBay's cap of revisions per listing per calendar day, kept by coalescing: a listing revises freely until only
/// the reserve is left, then the reserve is spread over what remains of the day (so later values still get out),
/// and at the cap it waits for the next day. A value never waits for nothing: the caller holds the listing's
/// latest value, and newer ones replace it meanwhile. Counts are this connection's own, kept in memory; after a
/// restart eBay's refusal at the cap (<see cref="CapReached"/>) restores them.
/// </summary>
public sealed class EbayRevisionBudget(int cap, int reserve, TimeZoneInfo zone)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateOnly Day, int Count, DateTimeOffset Last)> _listings = new(StringComparer.Ordinal);

    public int Cap => cap;
    public int Reserve => Math.Clamp(reserve, 0, cap - 1);

    /// <summary>Null when <paramref name="listing"/> may be revised now; else how long until it may.</summary>
    public TimeSpan? WaitFor(string listing, DateTimeOffset now)
    {
        lock (_lock)
        {
            var (count, last) = Today(listing, now);
            if (count < cap - Reserve) return null;
            var midnight = NextMidnight(now);
            if (count >= cap) return midnight - now;
            var spacing = (midnight - last) / (cap - count + 1);
            var wait = last + spacing - now;
            return wait <= TimeSpan.Zero ? null : wait;
        }
    }

    /// <summary>The listing was revised at <paramref name="now"/>.</summary>
    public void Revised(string listing, DateTimeOffset now)
    {
        lock (_lock)
        {
            var (count, _) = Today(listing, now);
            _listings[listing] = (DayOf(now), count + 1, now);
        }
    }

    /// <summary>eBay refused a revision at the cap: the listing has none left today, whatever was counted here.</summary>
    public void CapReached(string listing, DateTimeOffset now)
    {
        lock (_lock) _listings[listing] = (DayOf(now), cap, now);
    }

    /// <summary>Revisions counted today for the listing.</summary>
    public int Count(string listing, DateTimeOffset now)
    {
        lock (_lock) return Today(listing, now).Count;
    }

    private (int Count, DateTimeOffset Last) Today(string listing, DateTimeOffset now) =>
        _listings.TryGetValue(listing, out var seen) && seen.Day == DayOf(now) ? (seen.Count, seen.Last) : (0, now);

    private DateOnly DayOf(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    private DateTimeOffset NextMidnight(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
