using System.Globalization;
using System.Text.Json;

namespace CartonaActors.Cli;

/// <summary>Reading the admin API's JSON loosely: a field that is absent or null reads as null, never throws.</summary>
public static class JsonRead
{
    public static JsonElement? Get(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name) => e.Get(name) is { } v ? Text(v) : null;

    public static long? Long(this JsonElement e, string name) => e.Get(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : null;

    public static bool Bool(this JsonElement e, string name) => e.Get(name) is { ValueKind: JsonValueKind.True };

    public static IEnumerable<JsonElement> Items(this JsonElement e) => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : [];

    public static IEnumerable<JsonElement> Items(this JsonElement e, string name) => e.Get(name) is { } v ? v.Items() : [];

    public static IEnumerable<JsonProperty> Fields(this JsonElement e, string name) =>
        e.Get(name) is { ValueKind: JsonValueKind.Object } v ? v.EnumerateObject() : [];

    /// <summary>A value as one short line: strings bare, objects as k=v pairs.</summary>
    public static string Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null or JsonValueKind.Undefined => "-",
        JsonValueKind.Array => string.Join(", ", v.EnumerateArray().Select(Text)),
        _ => string.Join(", ", v.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => $"{p.Name}={Text(p.Value)}")),
    };

    public static string When(this JsonElement e, string name) =>
        e.Str(name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "-";
}
