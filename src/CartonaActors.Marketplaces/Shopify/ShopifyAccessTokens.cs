using System.Globalization;
using System.Text.Json;
using CartonaActors.Domain.Json;
using CartonaActors.Domain.Secrets;
using Flurl.Http;

namespace CartonaActors.Marketplaces.Shopify;

/// <summary>
/// The access token a connection sends. An offline token that never expires is simply the configured one. An
/// expiring offline token (60 minutes, with a refresh token Shopify rotates on every use) is refreshed a few
/// minutes before it expires and after a 401; each new pair is written to the token file before it is used, so
/// a restart continues with the newest refresh token instead of the configured, long since rotated one.
/// </summary>
internal sealed class ShopifyAccessTokens
{
    /// <summary>Refresh this long before the token expires, so no call goes out with a token about to lapse.</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    private readonly string _shopUrl;
    private readonly ShopifySettings _own;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly SecretScrubber _scrubber;
    private readonly TimeSpan _timeout;
    private TokenPair _current;

    public ShopifyAccessTokens(ConnectionSettings settings, ShopifySettings own, SecretScrubber scrubber, TimeProvider clock)
    {
        _shopUrl = settings.BaseUrl.TrimEnd('/') + "/";
        _own = own;
        _clock = clock;
        _scrubber = scrubber;
        _timeout = settings.Timeout;
        _current = Expiring && ReadFile() is { } stored ? stored
            : new TokenPair(settings.Token, own.RefreshToken, Expiring ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue);
    }

    private bool Expiring => !string.IsNullOrWhiteSpace(_own.RefreshToken);

    /// <summary>Every secret the connection holds now, for the scrubber (a refreshed token is new).</summary>
    public IEnumerable<string?> Secrets => [_current.AccessToken, _current.RefreshToken];

    /// <summary>The token to send, refreshed first when it expires soon; or why there is none.</summary>
    public async Task<(string? Token, string? Problem)> CurrentAsync(CancellationToken ct)
    {
        var pair = _current;
        if (!Expiring || pair.ExpiresAt > _clock.GetUtcNow() + RefreshAhead) return (pair.AccessToken, null);
        return await RefreshAsync(pair, ct);
    }

    /// <summary>Shopify refused <paramref name="token"/>: an expiring one is refreshed before the next call.</summary>
    public void Refused(string token)
    {
        if (Expiring && _current.AccessToken == token) _current = _current with { ExpiresAt = DateTimeOffset.MinValue };
    }

    private async Task<(string? Token, string? Problem)> RefreshAsync(TokenPair seen, CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            // Another call refreshed while this one waited.
            if (!ReferenceEquals(_current, seen) && _current.ExpiresAt > _clock.GetUtcNow() + RefreshAhead) return (_current.AccessToken, null);
            var form = new Dictionary<string, string?>
            {
                ["client_id"] = _own.ClientId, ["client_secret"] = _own.ClientSecret,
                ["grant_type"] = "refresh_token", ["refresh_token"] = _current.RefreshToken,
            };
            IFlurlResponse response;
            try
            {
                response = await (_shopUrl + "admin/oauth/access_token").WithTimeout(_timeout).AllowAnyHttpStatus()
                    .WithHeader("Accept", "application/json").PostUrlEncodedAsync(form, cancellationToken: ct);
            }
            catch (Exception ex) when (ex is FlurlHttpException or HttpRequestException or IOException || ex is OperationCanceledException && !ct.IsCancellationRequested)
            {
                return (null, "token refresh failed: " + _scrubber.Excerpt(ex.InnerException?.Message ?? ex.Message));
            }
            using (response)
            {
                var body = await response.GetStringAsync();
                if (response.StatusCode != 200)
                    return (null, $"token refresh refused: HTTP {response.StatusCode}: {Scrub(body)}");
                if (Parse(body) is not { } pair) return (null, "token refresh answer has no access_token, refresh_token and expires_in");
                WriteFile(pair);
                _current = pair;
                return (pair.AccessToken, null);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private string Scrub(string body) => new SecretScrubber([.. Secrets, _own.ClientSecret]).Excerpt(_scrubber.Scrub(body));

    private TokenPair? Parse(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var access = root.TryGetProperty("access_token", out var a) && a.ValueKind == JsonValueKind.String ? JsonStrings.Read(a) : null;
            var refresh = root.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String ? JsonStrings.Read(r) : null;
            var expiresIn = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : (int?)null;
            if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh) || expiresIn is not > 0) return null;
            return new TokenPair(access, refresh, _clock.GetUtcNow().AddSeconds(expiresIn.Value));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private TokenPair? ReadFile()
    {
        if (string.IsNullOrWhiteSpace(_own.TokenFile) || !File.Exists(_own.TokenFile)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(_own.TokenFile));
            var root = doc.RootElement;
            return new TokenPair(root.GetProperty("access_token").GetString()!, root.GetProperty("refresh_token").GetString()!,
                DateTimeOffset.Parse(root.GetProperty("expires_at").GetString()!, CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException)
        {
            // An unreadable file is not trusted: the configured refresh token is tried instead.
            return null;
        }
    }

    private void WriteFile(TokenPair pair)
    {
        if (string.IsNullOrWhiteSpace(_own.TokenFile)) return;
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["access_token"] = pair.AccessToken, ["refresh_token"] = pair.RefreshToken!,
            ["expires_at"] = pair.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        });
        var temp = _own.TokenFile + ".new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(json);
        File.Move(temp, _own.TokenFile, overwrite: true);
    }

    private sealed record TokenPair(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);
}
