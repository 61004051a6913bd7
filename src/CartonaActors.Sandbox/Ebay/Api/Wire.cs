using System.Globalization;
using System.Text.Json.Nodes;

namespace CartonaActors.Sandbox.Ebay.Api;

/// <summary>eBay's value formats: UTC timestamps with milliseconds and a Z, and amounts with a string value.</summary>
internal static class Wire
{
    public static string Date(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
        && text.Contains('T');

    public static JsonObject Amount(decimal value, string currency) =>
        new() { ["value"] = value.ToString("0.00", CultureInfo.InvariantCulture), ["currency"] = currency };
}
