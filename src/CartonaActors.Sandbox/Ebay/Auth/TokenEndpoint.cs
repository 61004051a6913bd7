using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CartonaActors.Sandbox.Ebay.Auth;

/// <summary><c>POST identity/v1/oauth2/token</c>, the refresh-token grant: the app's id and cert id in Basic
/// credentials and a known refresh token buy a new user access token. eBay answers no new refresh token here (the
/// refresh token lives ~18 months), so none is returned.</summary>
internal static class TokenEndpoint
{
    public static (int Status, string Json) Handle(HttpRequest request, string body, EbayEmulatorOptions options, EbayTokenStore tokens)
    {
        if (!BasicMatches(request.Headers.Authorization.ToString(), options))
            return (401, Error("invalid_client", "client authentication failed"));
        var form = QueryHelpers.ParseQuery(body);
        string Get(string key) => form.TryGetValue(key, out var v) ? v.ToString() : "";
        if (Get("grant_type") != "refresh_token")
            return (400, Error("unsupported_grant_type", "grant type in request is not supported by the authorization server"));
        if (!tokens.IsRefreshToken(Get("refresh_token")))
            return (400, Error("invalid_grant", "the provided authorization refresh token is invalid or was issued to another client"));
        var (access, expires) = tokens.Issue();
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["access_token"] = access,
            ["expires_in"] = (int)Math.Round((expires - options.Clock.GetUtcNow()).TotalSeconds),
            ["token_type"] = "User Access Token",
        });
        return (200, json);
    }

    private static bool BasicMatches(string header, EbayEmulatorOptions options)
    {
        const string prefix = "Basic ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[prefix.Length..].Trim()));
            return decoded == options.ClientId + ":" + options.ClientSecret;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Error(string code, string description) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = code, ["error_description"] = description });
}
