using System.Collections;
using System.Globalization;
using System.Text;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// Python's <c>json.dumps(value, sort_keys=True, default=str)</c>, byte for byte for the values webhooks carry:
/// <c>", "</c> / <c>": "</c> separators, keys sorted by code point, non-ASCII escaped, floats as <c>repr</c>
/// (<c>20.0</c>), datetimes as <c>str(datetime)</c> (<c>2025-03-01 10:15:02.123456</c>, no fraction when zero).
/// </summary>
internal static class PythonJson
{
    public static string Dumps(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null: text.Append("null"); break;
            case bool b: text.Append(b ? "true" : "false"); break;
            case string s: WriteString(text, s); break;
            case long or int: text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case decimal d: text.Append(FloatRepr((double)d)); break;
            case double d: text.Append(FloatRepr(d)); break;
            case DateTime dt: WriteString(text, PythonStr(dt)); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                text.Append('{');
                var first = true;
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) text.Append(", ");
                    first = false;
                    WriteString(text, key);
                    text.Append(": ");
                    Write(text, item);
                }
                text.Append('}');
                break;
            case IEnumerable list:
                text.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem) text.Append(", ");
                    firstItem = false;
                    Write(text, item);
                }
                text.Append(']');
                break;
            default: WriteString(text, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""); break;
        }
    }

    /// <summary>Python's <c>str(datetime)</c>: microseconds only when not zero.</summary>
    public static string PythonStr(DateTime value)
    {
        var micro = value.Ticks % TimeSpan.TicksPerSecond / 10;
        var seconds = value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return micro == 0 ? seconds : seconds + "." + micro.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Python's float <c>repr</c> for ordinary magnitudes.</summary>
    public static string FloatRepr(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text.Replace("E", "e") : text + ".0";
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20 || c >= 0x80) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
