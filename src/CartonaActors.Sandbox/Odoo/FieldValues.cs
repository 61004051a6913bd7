using System.Globalization;
using System.Text.Json;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// Converts incoming values (JSON from execute_kw, or C# values from test code) to the stored type of a field,
/// with Odoo's conventions: <c>false</c> is empty for every non-boolean type, a many2one may come as
/// <c>[id, name]</c>, datetimes are <c>"YYYY-MM-DD HH:MM:SS[.ffffff]"</c> naive UTC.
/// </summary>
internal static class FieldValues
{
    public static object? ToStored(OdooField field, object? value)
    {
        if (value is JsonElement json) value = FromJson(json);
        if (value is null || (value is false && field.Type != OdooFieldType.Boolean)) return null;
        try
        {
            return field.Type switch
            {
                OdooFieldType.Char or OdooFieldType.Selection => Convert.ToString(value, CultureInfo.InvariantCulture),
                OdooFieldType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                OdooFieldType.Float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                OdooFieldType.Boolean => value is bool b ? b : Convert.ToBoolean(value, CultureInfo.InvariantCulture),
                OdooFieldType.Datetime => value is DateTime d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : ParseDatetime((string)value),
                OdooFieldType.Many2One => value is IList<object?> pair ? Convert.ToInt64(pair[0], CultureInfo.InvariantCulture)
                    : Convert.ToInt64(value, CultureInfo.InvariantCulture),
                OdooFieldType.X2Many => ((IEnumerable<object?>)value).Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)).ToArray(),
                _ => value,
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            throw OdooFault.Value($"Wrong value for {field.Name}: {value}");
        }
    }

    /// <summary>A JSON value as plain C#: long or decimal, string, bool, null, <c>List&lt;object?&gt;</c>.</summary>
    public static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetInt64(out var l) ? l : json.GetDecimal(),
        JsonValueKind.Array => json.EnumerateArray().Select(FromJson).ToList(),
        _ => json,
    };

    public static DateTime ParseDatetime(string text)
    {
        string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd"];
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw OdooFault.Value($"time data '{text}' does not match format '%Y-%m-%d %H:%M:%S'");
    }
}
