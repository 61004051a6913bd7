namespace CartonaActors.Sandbox.Ebay.Limits;

/// <summary>One API's daily call quota for the app: calls admitted in the current day of the zone, refused once the
/// limit is reached until that zone's next midnight (eBay blocks over-quota calls until the reset). The limit is read
/// on every call so a test may lower it while the emulator runs.</summary>
internal sealed class DailyQuota(Func<int> limit, EbayEmulatorOptions options)
{
    private readonly object _gate = new();
    private DateOnly _day;
    private int _used;

    /// <summary>Counts the call if the day still has room; false when the quota is spent.</summary>
    public bool TryTake()
    {
        var today = CalendarDay.Of(options.Clock.GetUtcNow(), options.RevisionDayZone);
        lock (_gate)
        {
            if (today != _day)
            {
                _day = today;
                _used = 0;
            }
            if (_used >= limit()) return false;
            _used++;
            return true;
        }
    }
}
