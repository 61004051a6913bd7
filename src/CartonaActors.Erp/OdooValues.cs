using System.Text.Json;

namespace CartonaActors.Erp;

/// <summary>
/// Reads field values out of Odoo records as JSON-RPC returns them, where an empty field is <c>false</c> whatever
/// its type and a many2one is <c>[id, "display name"]</c> (default load) or a bare id (<c>load=None</c>).
/// </summary>
public static class OdooValues
{
    /// <summary>The record's <c>id</c>.</summary>
    public static long Id(JsonElement record) => record.GetProperty("id").GetInt64();

    /// <summary>A many2one's id, whether sent as <c>[id, name]</c>, a bare id, or <c>false</c> (null).</summary>
    public static long? Many2OneId(JsonElement record, string field)
    {
        if (!record.TryGetProperty(field, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetInt64(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.Number => value[0].GetInt64(),
            _ => null,
        };
    }

    /// <summary>An x2many's ids (a list of numbers); <c>false</c>, absent or anything else reads as none.</summary>
    public static IReadOnlyList<long> Ids(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetInt64()).ToArray()
            : [];

    /// <summary>A char field, <c>false</c> read as null.</summary>
    public static string? String(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A boolean field; absent or not a boolean reads as <paramref name="fallback"/>.</summary>
    public static bool Boolean(JsonElement record, string field, bool fallback = false) =>
        record.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : fallback;

    /// <summary>A float / monetary field as a decimal; <c>false</c> reads as 0, as Odoo means it.</summary>
    public static decimal Decimal(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : 0m;

    /// <summary>A datetime field as UTC; <c>false</c> reads as null.</summary>
    public static DateTime? DateTime(JsonElement record, string field) =>
        String(record, field) is { } text ? OdooDateTime.Parse(text) : null;

    /// <summary>Any scalar field as text: Odoo's false (its "empty") is null, true is "true", numbers invariant.</summary>
    public static string? Text(JsonElement record, string field) =>
        !record.TryGetProperty(field, out var v) ? null : v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            // A many2one reads [id, name]: its id is the value.
            JsonValueKind.Array when v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.Number => v[0].GetRawText(),
            _ => null,
        };
}
