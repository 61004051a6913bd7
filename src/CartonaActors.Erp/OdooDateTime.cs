using System.Globalization;

namespace CartonaActors.Erp;

/// <summary>
/// Odoo's datetime wire format: naive UTC <c>"YYYY-MM-DD HH:MM:SS"</c>, optionally with <c>.ffffff</c>.
/// </summary>
/// <remarks>
/// The rule this client and the sandbox emulator share: the database keeps write_date to the microsecond
/// (PostgreSQL <c>now()</c> at transaction start), but JSON-RPC answers carry whole seconds (Odoo's JSON encoder
/// uses <c>Datetime.to_string</c>), while webhook bodies carry Python's <c>str(datetime)</c>, microseconds
/// included. So the client formats domain values in whole seconds and never relies on a value it read being
/// exactly equal to the stored one; see <see cref="OdooCatalog.ReadChangedAsync"/> for the keyset built on that.
/// </remarks>
public static class OdooDateTime
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd"];

    /// <summary>Formats a UTC instant to whole seconds, as Odoo writes datetimes and accepts them in domains.</summary>
    public static string Format(DateTime utc) =>
        TruncateToSecond(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Parses an Odoo datetime (with or without microseconds) as UTC.</summary>
    public static DateTime Parse(string value) =>
        TryParse(value, out var parsed)
            ? parsed
            : throw new FormatException($"'{value}' is not an Odoo datetime (YYYY-MM-DD HH:MM:SS[.ffffff]).");

    /// <summary>Parses an Odoo datetime (with or without microseconds) as UTC.</summary>
    public static bool TryParse(string? value, out DateTime utc) =>
        DateTime.TryParseExact(value, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    /// <summary>Drops the sub-second part: the precision JSON-RPC answers carry.</summary>
    public static DateTime TruncateToSecond(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
