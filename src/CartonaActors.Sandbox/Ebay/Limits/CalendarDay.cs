namespace CartonaActors.Sandbox.Ebay.Limits;

/// <summary>The calendar day an instant falls on in eBay's day zone. The revision cap and the daily quotas both reset
/// at that zone's midnight, not at UTC midnight, so every day boundary goes through here.</summary>
internal static class CalendarDay
{
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
