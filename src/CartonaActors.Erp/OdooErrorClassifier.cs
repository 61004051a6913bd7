using CartonaActors.Domain.Secrets;
using System.Text.Json;
using CartonaActors.Domain.Json;

namespace CartonaActors.Erp;

/// <summary>
/// Turns a JSON-RPC <c>error</c> object (always HTTP 200 in Odoo) into a typed <see cref="OdooException"/> by
/// <c>error.data.name</c>. The message carries <c>data.message</c> (what a user would read), never the
/// <c>debug</c> traceback, and is scrubbed of the API key.
/// </summary>
internal sealed class OdooErrorClassifier(OdooSettings settings, SecretScrubber scrubber)
{
    public OdooException Classify(JsonElement error, string operation)
    {
        var name = Text(error, "data", "name") ?? "";
        var detail = Text(error, "data", "message") ?? Text(error, "message") ?? "no message";
        var message = scrubber.Scrub($"Odoo {operation} failed ({name}): {detail}");
        return name switch
        {
            "odoo.exceptions.AccessDenied" => new OdooAuthenticationException(scrubber.Scrub(
                $"Odoo denied access to login '{settings.Login}' on database '{settings.Database}' at {SecretScrubber.SafeUrl(settings.Url)} " +
                $"during {operation}: {detail}. Check the API key and that the user is active.")),
            "odoo.exceptions.AccessError" => new OdooAccessException(message),
            "odoo.exceptions.ValidationError" or "odoo.exceptions.UserError" or "builtins.ValueError"
                => new OdooValidationException(message),
            "odoo.exceptions.MissingError" => new OdooMissingRecordException(message),
            _ => new OdooServerException(message),
        };
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.String ? JsonStrings.Read(element) : null;
    }
}
