using System.Text.Json.Nodes;

namespace CartonaActors.Sandbox.Ebay.Api;

/// <summary>eBay's REST error container, <c>{"errors":[{errorId, domain, category, message, ...}]}</c>, and the
/// error objects the endpoints put into it or into per-entry responses.</summary>
internal static class EbayErrors
{
    public static JsonObject Error(int errorId, string domain, string message, string category = "REQUEST", string? subdomain = null,
        string? longMessage = null, params (string Name, string Value)[] parameters)
    {
        var e = new JsonObject { ["errorId"] = errorId, ["domain"] = domain };
        if (subdomain is not null) e["subdomain"] = subdomain;
        e["category"] = category;
        e["message"] = message;
        if (longMessage is not null) e["longMessage"] = longMessage;
        if (parameters.Length > 0)
            e["parameters"] = new JsonArray(parameters.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["value"] = p.Value }).ToArray());
        return e;
    }

    public static ApiAnswer Answer(int status, JsonObject error) =>
        new(status, new JsonObject { ["errors"] = new JsonArray(error) }.ToJsonString());

    public static ApiAnswer InvalidToken() => Answer(401, Error(1001, "OAuth", "Invalid access token",
        longMessage: "Invalid access token. Check the value of the Authorization HTTP request header."));

    public static ApiAnswer TooManyRequests() => Answer(429, Error(2001, "ACCESS",
        "Too many requests. The request limit has been reached for the resource."));

    public static ApiAnswer Scripted(int status) => status == 429
        ? TooManyRequests()
        : Answer(status, Error(status >= 500 ? 2003 : 2004, "ACCESS", status >= 500 ? "There was a problem with an eBay internal system or process. Contact eBay developer support for assistance." : "Request rejected.",
            category: status >= 500 ? "APPLICATION" : "REQUEST"));

    public static ApiAnswer NotFound() => Answer(404, Error(2002, "ACCESS", "Resource not found"));

    public static JsonObject Inventory(int errorId, string message) => Error(errorId, "API_INVENTORY", message, subdomain: "Selling");

    public static ApiAnswer Fulfillment(int status, int errorId, string message) => Answer(status, Error(errorId, "API_FULFILLMENT", message));
}
