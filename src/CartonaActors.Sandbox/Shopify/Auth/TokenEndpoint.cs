using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Shopify.Auth;

/// <summary><c>POST admin/oauth/access_token</c> with <c>grant_type=refresh_token</c> (form or JSON): the app's
/// credentials and a live refresh token buy a new access token and a new refresh token.</summary>
internal static class TokenEndpoint
{
    public static (int Status, string Json, string Outcome) Handle(HttpRequest request, string body, ShopifyEmulatorOptions options, TokenStore tokens)
    {
        var fields = Read(request, body);
        string? Get(string k) => fields.TryGetValue(k, out var v) ? v : null;
        if (Get("client_id") != options.ClientId || Get("client_secret") != options.ClientSecret)
            return (401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}", "token_refused");
        if (Get("grant_type") != "refresh_token")
            return (400, "{\"error\":\"unsupported_grant_type\"}", "token_refused");
        var issued = tokens.Refresh(Get("refresh_token") ?? "");
        if (issued is null)
            return (400, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is invalid, expired or already used\"}", "token_refused");
        var (access, refresh, expires) = issued.Value;
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["access_token"] = access,
            ["expires_in"] = (int)Math.Round((expires - options.Clock.GetUtcNow()).TotalSeconds),
            ["refresh_token"] = refresh,
            ["refresh_token_expires_in"] = 7_776_000,
            ["scope"] = TokenStore.Scope,
        });
        return (200, json, "token");
    }

    private static Dictionary<string, string> Read(HttpRequest request, string body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                foreach (var p in doc.RootElement.EnumerateObject())
                    if (p.Value.ValueKind == JsonValueKind.String) result[p.Name] = p.Value.GetString()!;
            }
            catch (JsonException)
            {
            }
            return result;
        }
        foreach (var pair in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body))
            result[pair.Key] = pair.Value.ToString();
        return result;
    }
}
