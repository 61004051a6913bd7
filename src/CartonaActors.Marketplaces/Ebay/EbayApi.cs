using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CartonaActors.Domain.Secrets;
using CartonaActors.Domain.Sync;
using Flurl.Http;

namespace CartonaActors.Marketplaces.Ebay;

/// <summary>What one eBay call came to: the status and body, or the outcome that ends the caller's work.</summary>
internal sealed record EbayAnswer(int Status, JsonNode? Body, string Text, CallOutcome? Failure);

/// <summary>
/// The one HTTP client of an eBay connection: a live OAuth user token (bought with the refresh token, two hours,
/// renewed a few minutes before it lapses and after a 401) as <c>Bearer</c>, or as <c>IAF</c> on the Post-Order
/// API, which documents that scheme; every answer classified, nothing retried. eBay meters by daily quota and
/// sends no Retry-After: a 429 waits five seconds, then tries again.
/// </summary>
internal sealed class EbayApi : IDisposable
{
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan AfterQuota = TimeSpan.FromSeconds(5);

    private readonly FlurlClient _http;
    private readonly EbaySettings _own;
    private readonly string _refreshToken;
    private readonly SecretScrubber _scrubber;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _token;

    public EbayApi(ConnectionSettings settings, EbaySettings own, SecretScrubber scrubber, TimeProvider clock)
    {
        (_own, _refreshToken, _scrubber, _clock, _timeout) = (own, settings.Token, scrubber, clock, settings.Timeout);
        _http = new FlurlClient(settings.BaseUrl.TrimEnd('/') + "/");
        _http.Settings.Timeout = settings.Timeout;
        _http.Settings.AllowedHttpStatusRange = "*";
        _http.WithHeader("User-Agent", "CartonaActors/1.0").WithHeader("Accept", "application/json")
            .WithHeader("X-EBAY-C-MARKETPLACE-ID", own.MarketplaceId);
    }

    public string Excerpt(string? text) => _scrubber.Excerpt(_token is { } t ? text?.Replace(t.Token, "***", StringComparison.Ordinal) : text);

    /// <summary>Sends one call; <paramref name="pathAndQuery"/> is relative to the host and already encoded.</summary>
    public async Task<EbayAnswer> SendAsync(string what, HttpMethod method, string pathAndQuery, JsonNode? body, CancellationToken ct, bool postOrder = false)
    {
        var (token, problem, refused) = await TokenAsync(ct);
        if (token is null)
            return new EbayAnswer(0, null, "", refused ? new CallOutcome.AuthenticationFailed(problem!) : new CallOutcome.TransientFailure(problem!));
        IFlurlResponse response;
        try
        {
            var request = _http.Request(pathAndQuery).WithHeader("Authorization", (postOrder ? "IAF " : "Bearer ") + token);
            response = await request.SendAsync(method, body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken: ct);
        }
        catch (Exception ex) when (ex is FlurlHttpException or HttpRequestException or IOException || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new EbayAnswer(0, null, "", new CallOutcome.TransientFailure($"{what}: {Excerpt(ex.InnerException?.Message ?? ex.Message)}"));
        }
        using (response)
        {
            var text = await response.GetStringAsync();
            JsonNode? json = null;
            try
            {
                if (text.Length > 0) json = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                if (response.StatusCode is >= 200 and < 300)
                    return new EbayAnswer(response.StatusCode, null, text, new CallOutcome.TransientFailure($"{what} answered {response.StatusCode} with unreadable JSON: {Excerpt(text)}"));
            }
            return new EbayAnswer(response.StatusCode, json, text, Classify(what, response.StatusCode, token, text));
        }
    }

    private CallOutcome? Classify(string what, int status, string token, string text)
    {
        switch (status)
        {
            case >= 200 and < 300:
                return null;
            case 429:
                return new CallOutcome.RateLimited(AfterQuota);
            case 401:
                if (_token is { } held && held.Token == token) _token = null;
                return new CallOutcome.TransientFailure($"{what}: eBay refused the access token; a new one is bought for the next attempt");
            case 403:
                return new CallOutcome.AuthenticationFailed($"{what} answered 403: {Excerpt(text)}");
            case 413:
                return new CallOutcome.TooLarge($"{what} answered 413: {Excerpt(text)}");
            case >= 500 or 408:
                return new CallOutcome.TransientFailure($"{what} answered {status}: {Excerpt(text)}");
            default:
                return new CallOutcome.Refused(status, $"{what} answered {status}: {Excerpt(text)}");
        }
    }

    private async Task<(string?, string?, bool)> TokenAsync(CancellationToken ct)
    {
        if (_token is { } live && live.ExpiresAt > _clock.GetUtcNow() + RefreshAhead) return (live.Token, null, false);
        await _refreshing.WaitAsync(ct);
        try
        {
            if (_token is { } other && other.ExpiresAt > _clock.GetUtcNow() + RefreshAhead) return (other.Token, null, false);
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_own.ClientId}:{_own.ClientSecret}"));
            using var response = await _own.TokenUrl.WithTimeout(_timeout).AllowAnyHttpStatus()
                .WithHeader("Authorization", new AuthenticationHeaderValue("Basic", basic).ToString()).WithHeader("Accept", "application/json")
                .PostUrlEncodedAsync(new Dictionary<string, string?> { ["grant_type"] = "refresh_token", ["refresh_token"] = _refreshToken, ["scope"] = _own.Scopes },
                    cancellationToken: ct);
            var text = await response.GetStringAsync();
            if (response.StatusCode is 400 or 401)
                return (null, $"eBay refused the refresh token or the application's credentials ({response.StatusCode}): {Excerpt(text)}", true);
            if (response.StatusCode is < 200 or >= 300) return (null, $"eBay's token endpoint answered {response.StatusCode}: {Excerpt(text)}", false);
            var json = JsonNode.Parse(text);
            var token = json?["access_token"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(token)) return (null, "eBay's token endpoint answered without an access_token", false);
            var lifetime = json?["expires_in"] is JsonValue e && e.TryGetValue<int>(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromHours(2);
            _token = (token, _clock.GetUtcNow() + lifetime);
            return (token, null, false);
        }
        catch (Exception ex) when (ex is FlurlHttpException or HttpRequestException or IOException or System.Text.Json.JsonException or InvalidOperationException
                                   || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (null, "token refresh failed: " + Excerpt(ex.InnerException?.Message ?? ex.Message), false);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _http.Dispose();
}
