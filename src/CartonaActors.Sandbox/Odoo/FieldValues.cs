using System.Collections;
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
                OdooFieldType.X2Many => value is string ? throw new InvalidCastException()
                    : ((IEnumerable)value).Cast<object?>().Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)).ToArray(),
                _ => value,
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            throw OdooFault.Value($"Wrong value for {field.Name}: {value}");
        }
    }

    /// <summary>
    /// A stored many2many's new ids from what a create / write gives: a plain list of ids (the new set), empty /
    /// <c>false</c> (none), or Odoo's commands — <c>[6, 0, ids]</c> set, <c>[5]</c> clear, <c>[4, id]</c> link,
    /// <c>[3, id]</c> / <c>[2, id]</c> unlink. Applied to the record's current ids when the change lands.
    /// </summary>
    public static Func<long[], long[]> Many2ManyEdit(OdooField field, object? value)
    {
        if (value is JsonElement json) value = FromJson(json);
        if (value is null or false) return _ => [];
        if (value is string || value is not IEnumerable list) throw OdooFault.Value($"Wrong value for {field.Name}: {value}");
        var items = list.Cast<object?>().Select(i => i is JsonElement e ? FromJson(e) : i).ToArray();
        if (items.All(i => i is not (string or IEnumerable))) return _ => (long[])ToStored(field, items)!;

        var steps = new List<Func<IEnumerable<long>, IEnumerable<long>>>();
        foreach (var item in items)
        {
            if (item is string || item is not IEnumerable parts) throw OdooFault.Value($"Invalid x2many command for field '{field.Name}': {item}");
            var command = parts.Cast<object?>().Select(p => p is JsonElement e ? FromJson(e) : p).ToArray();
            if (command.Length == 0 || command[0] is not (long or int or decimal))
                throw OdooFault.Value($"Invalid x2many command for field '{field.Name}'");
            var code = Convert.ToInt64(command[0], CultureInfo.InvariantCulture);
            long Id() => command.Length > 1 ? (long)ToStored(new OdooField("id", OdooFieldType.Integer), command[1])! : 0;
            switch (code)
            {
                case 6:
                    var ids = (long[]?)ToStored(field, command.Length > 2 ? command[2] : null) ?? [];
                    steps.Add(_ => ids);
                    break;
                case 5:
                    steps.Add(_ => []);
                    break;
                case 4:
                    var link = Id();
                    steps.Add(current => current.Append(link));
                    break;
                case 3 or 2:
                    var unlink = Id();
                    steps.Add(current => current.Where(c => c != unlink));
                    break;
                default:
                    throw OdooFault.Value($"Unsupported x2many command {code} for field '{field.Name}' in the emulator");
            }
        }
        return current => steps.Aggregate((IEnumerable<long>)current, (ids, step) => step(ids)).Distinct().ToArray();
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
