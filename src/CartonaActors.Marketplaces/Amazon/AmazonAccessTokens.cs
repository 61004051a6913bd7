using System.Text.Json.Nodes;
using CartonaActors.Domain.Secrets;
using Flurl.Http;

namespace CartonaActors.Marketplaces.Amazon;

/// <summary>
/// Login with Amazon access tokens: bought with the connection's refresh token, valid an hour, refreshed a few
/// minutes before they lapse and at once after Amazon refuses one as expired. The refresh token does not rotate.
/// </summary>
internal sealed class AmazonAccessTokens(string refreshToken, AmazonSettings own, SecretScrubber scrubber, TimeSpan timeout, TimeProvider clock)
{
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _current;

    /// <summary>The token to send, bought first when there is none or it lapses soon; or why there is none.</summary>
    public async Task<(string? Token, string? Problem, bool Refused)> CurrentAsync(CancellationToken ct)
    {
        if (_current is { } live && live.ExpiresAt > clock.GetUtcNow() + RefreshAhead) return (live.Token, null, false);
        await _refreshing.WaitAsync(ct);
        try
        {
            if (_current is { } other && other.ExpiresAt > clock.GetUtcNow() + RefreshAhead) return (other.Token, null, false);
            return await RefreshAsync(ct);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>The access token held now, for masking: a token bought at run time is a secret no scrubber was given.</summary>
    public string? Held => _current?.Token;

    /// <summary>Amazon refused <paramref name="token"/>: the next call buys a new one.</summary>
    public void Refused(string token)
    {
        if (_current is { } live && live.Token == token) _current = null;
    }

    private async Task<(string?, string?, bool)> RefreshAsync(CancellationToken ct)
    {
        var form = new Dictionary<string, string?>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = own.ClientId, ["client_secret"] = own.ClientSecret,
        };
        try
        {
            using var response = await own.TokenUrl.WithTimeout(timeout).AllowAnyHttpStatus().WithHeader("Accept", "application/json")
                .PostUrlEncodedAsync(form, cancellationToken: ct);
            var body = await response.GetStringAsync();
            if (response.StatusCode is 400 or 401)
                return (null, $"Login with Amazon refused the refresh token or client credentials ({response.StatusCode}): {scrubber.Excerpt(body)}", true);
            if (response.StatusCode is < 200 or >= 300)
                return (null, $"Login with Amazon answered {response.StatusCode}: {scrubber.Excerpt(body)}", false);
            var json = JsonNode.Parse(body);
            var token = json?["access_token"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(token)) return (null, "Login with Amazon answered without an access_token", false);
            var lifetime = json?["expires_in"] is JsonValue e && e.TryGetValue<int>(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromHours(1);
            _current = (token, clock.GetUtcNow() + lifetime);
            return (token, null, false);
        }
        catch (Exception ex) when (ex is FlurlHttpException or HttpRequestException or IOException or System.Text.Json.JsonException or InvalidOperationException
                                   || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (null, "token refresh failed: " + scrubber.Excerpt(ex.InnerException?.Message ?? ex.Message), false);
        }
    }
}
