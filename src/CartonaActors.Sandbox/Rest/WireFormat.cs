using System.Globalization;

namespace CartonaActors.Sandbox.Rest;

/// <summary>How values look on the wire, in one place so every endpoint writes them alike.</summary>
internal static class WireFormat
{
    /// <summary>Money as a decimal string with at least two decimals ("12.50"), never rounded.</summary>
    public static string Money(decimal value) => value.ToString("0.00##########################", CultureInfo.InvariantCulture);

    /// <summary>ISO-8601 UTC with milliseconds only when there are some: <c>2026-12-02T10:00:00Z</c>, <c>…:00.001Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>An ISO-8601 timestamp with a zone (Z or an offset); one without is taken as UTC.</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
