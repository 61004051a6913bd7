using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CartonaActors.Sandbox.Amazon.Api;

/// <summary>What an operation answers: status, body and its content type.</summary>
internal sealed record SpAnswer(int Status, string Body, string ContentType = "application/json")
{
    public static SpAnswer Json(int status, JsonNode body) => new(status, body.ToJsonString());

    public static SpAnswer Empty(int status) => new(status, "");

    /// <summary>The models' ErrorList: <c>{"errors":[{"code","message","details"?}]}</c>.</summary>
    public static SpAnswer Error(int status, string code, string message, string? details = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (details is not null) error["details"] = details;
        return Json(status, new JsonObject { ["errors"] = new JsonArray(error) });
    }

    public static SpAnswer Invalid(string message) => Error(400, "InvalidInput", message);

    public static SpAnswer NotFound(string message) => Error(404, "NotFound", message);
}

/// <summary>Formatting the wire uses everywhere.</summary>
internal static class Wire
{
    /// <summary>ISO 8601 UTC to the second, as the models' examples print it.</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Money amounts are strings (the models' Decimal), two places.</summary>
    public static string Amount(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Rate(double rate) => rate.ToString("0.####", CultureInfo.InvariantCulture);

    public static bool TryTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    public static JsonElement? TryParse(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A csv or repeated query parameter as its values (the models use collectionFormat csv).</summary>
    public static List<string> List(Microsoft.AspNetCore.Http.IQueryCollection query, string name) =>
        query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
