using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CartonaActors.Sandbox.Amazon.Auth;

/// <summary><c>POST auth/o2/token</c> with <c>grant_type=refresh_token</c>: the app's credentials and an authorised
/// refresh token buy a one-hour access token. LWA answers OAuth2 errors as 400 with <c>error</c>/<c>error_description</c>.</summary>
internal static class LwaEndpoint
{
    public static (int Status, string Json) Handle(HttpRequest request, string body, AmazonEmulatorOptions options, LwaTokenStore tokens,
        AmazonCounters counters)
    {
        var fields = Read(request, body);
        string? Get(string k) => fields.TryGetValue(k, out var v) ? v : null;
        if (Get("grant_type") != "refresh_token")
            return (400, Error("unsupported_grant_type", "The authorization grant type is not supported by the authorization server"));
        if (Get("client_id") != options.ClientId || Get("client_secret") != options.ClientSecret)
            return (400, Error("invalid_client", "Client authentication failed"));
        var refresh = Get("refresh_token");
        if (refresh is null || !options.RefreshTokens.Contains(refresh))
            return (400, Error("invalid_grant", "The request has an invalid grant parameter : refresh_token"));
        var (token, expires) = tokens.Issue();
        counters.TokenIssued();
        return (200, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["refresh_token"] = refresh,
            ["token_type"] = "bearer",
            ["expires_in"] = (int)Math.Round((expires - options.Clock.GetUtcNow()).TotalSeconds),
        }));
    }

    private static string Error(string code, string description) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = code, ["error_description"] = description });

    // LWA documents form encoding; JSON bodies are accepted too since SDKs send either.
    private static Dictionary<string, string> Read(HttpRequest request, string body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                    foreach (var p in doc.RootElement.EnumerateObject())
                        if (p.Value.ValueKind == JsonValueKind.String) result[p.Name] = p.Value.GetString()!;
            }
            catch (JsonException)
            {
                // An unreadable body is simply missing every field.
            }
            return result;
        }
        foreach (var pair in QueryHelpers.ParseQuery(body)) result[pair.Key] = pair.Value.ToString();
        return result;
    }
}
