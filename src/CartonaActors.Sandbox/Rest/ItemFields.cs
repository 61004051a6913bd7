using System.Globalization;
using System.Text.Json;

namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// Readers for the fields batch items share. Strict on types (an integer must be a JSON integer, a version
/// must be present), because the emulator is there to catch a client that drifts from the contract.
/// </summary>
internal static class ItemFields
{
    public static string? ExternalId(JsonElement item, List<string> problems)
    {
        if (!item.TryGetProperty("external_id", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add("external_id is required");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } id)
        {
            problems.Add("external_id must be a non-empty string");
            return null;
        }
        return id;
    }

    /// <summary>A positive integer, required: without it the marketplace could not refuse a stale write.</summary>
    public static long Version(JsonElement item, List<string> problems)
    {
        if (!item.TryGetProperty("version", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add("version is required");
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var version) || version < 1)
        {
            problems.Add("version must be a positive integer");
            return 0;
        }
        return version;
    }

    /// <summary>A string or null/absent (the default location); an empty string is refused as ambiguous.</summary>
    public static string? LocationId(JsonElement item, List<string> problems)
    {
        if (!item.TryGetProperty("location_id", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } id) return id;
        problems.Add("location_id must be a non-empty string or null");
        return null;
    }

    public static int Available(JsonElement item, List<string> problems)
    {
        if (!item.TryGetProperty("available", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add("available is required");
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var available))
        {
            problems.Add("available must be an integer");
            return 0;
        }
        if (available < 0) problems.Add("available must not be negative");
        return available;
    }

    /// <summary>A JSON string ("12.50") or number (12.5); plain decimal notation only, not negative.</summary>
    public static decimal Price(JsonElement item, List<string> problems)
    {
        if (!item.TryGetProperty("price", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add("price is required");
            return 0;
        }
        decimal price;
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out price),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out price),
            _ => Fail(out price),
        };
        if (!parsed)
        {
            problems.Add("price must be a decimal number or a string holding one");
            return 0;
        }
        if (price < 0) problems.Add("price must not be negative");
        return price;
    }

    /// <summary>Optional; when sent, a three-letter upper-case ISO 4217 code.</summary>
    public static string? Currency(JsonElement item, List<string> problems)
    {
        if (!item.TryGetProperty("currency", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: 3 } code && code.All(char.IsAsciiLetterUpper))
            return code;
        problems.Add("currency must be a three-letter ISO 4217 code such as EGP");
        return null;
    }

    /// <summary>Problems for an item that is not an object at all.</summary>
    public static List<string> NotAnObject() => ["item must be a JSON object"];

    private static bool Fail(out decimal value)
    {
        value = 0;
        return false;
    }
}
