using System.Text;
using System.Text.Json.Nodes;
using CartonaActors.Domain.Secrets;
using CartonaActors.Domain.Sync;
using Flurl.Http;

namespace CartonaActors.Marketplaces.Amazon;

/// <summary>What one SP-API call came to: the status and body, or the outcome that ends the caller's work.</summary>
internal sealed record AmazonAnswer(int Status, JsonNode? Body, string Text, CallOutcome? Failure);

/// <summary>
/// The one HTTP client of an Amazon connection: sends a call when its operation's usage plan allows, with a live
/// LWA token in <c>x-amz-access-token</c>, and classifies the answer. A 429 (Amazon sends no Retry-After) waits one
/// full refill of that operation; an expired token is dropped so the next attempt buys a new one. Never retries.
/// </summary>
internal sealed class AmazonApi : IDisposable
{
    /// <summary>Longest a call waits here for its operation's bucket; beyond it the caller is told to come back.</summary>
    private static readonly TimeSpan LongestPacingWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan MinimumPauseAfter429 = TimeSpan.FromSeconds(1);

    private readonly FlurlClient _http;
    private readonly AmazonUsagePlans _plans;
    private readonly AmazonAccessTokens _tokens;
    private readonly SecretScrubber _scrubber;

    public AmazonApi(ConnectionSettings settings, AmazonUsagePlans plans, AmazonAccessTokens tokens, SecretScrubber scrubber)
    {
        _plans = plans;
        _tokens = tokens;
        _scrubber = scrubber;
        _http = new FlurlClient(settings.BaseUrl.TrimEnd('/') + "/");
        _http.Settings.Timeout = settings.Timeout;
        _http.Settings.AllowedHttpStatusRange = "*";
        _http.WithHeader("User-Agent", "CartonaActors/1.0 (Language=C#)").WithHeader("Accept", "application/json");
    }

    public string Excerpt(string? text) => _scrubber.Excerpt(_tokens.Held is { } held ? text?.Replace(held, "***", StringComparison.Ordinal) : text);

    /// <summary>Sends one call of <paramref name="operation"/>; <paramref name="waitLong"/> lets a call that must go
    /// (a feed's status, a shipment) wait its bucket however long, where a push would rather be told to wait.</summary>
    public async Task<AmazonAnswer> SendAsync(string operation, HttpMethod method, string path, IReadOnlyDictionary<string, string>? query,
        JsonNode? body, CancellationToken ct, bool waitLong = false)
    {
        for (var wait = _plans.TryTake(operation); wait > TimeSpan.Zero; wait = _plans.TryTake(operation))
        {
            if (wait > LongestPacingWait && !waitLong)
                return new AmazonAnswer(0, null, "", new CallOutcome.RateLimited(wait, NotSent: true));
            await Task.Delay(wait, ct);
        }
        var (token, problem, refused) = await _tokens.CurrentAsync(ct);
        if (token is null)
            return new AmazonAnswer(0, null, "", refused ? new CallOutcome.AuthenticationFailed(problem!) : new CallOutcome.TransientFailure(problem!));
        var request = _http.Request(path).WithHeader("x-amz-access-token", token);
        foreach (var (key, value) in query ?? new Dictionary<string, string>()) request.SetQueryParam(key, value);
        IFlurlResponse response;
        try
        {
            response = await request.SendAsync(method,
                body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken: ct);
        }
        catch (Exception ex) when (ex is FlurlHttpException or HttpRequestException or IOException || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new AmazonAnswer(0, null, "", new CallOutcome.TransientFailure($"{operation}: {Excerpt(ex.InnerException?.Message ?? ex.Message)}"));
        }
        using (response)
        {
            var text = await response.GetStringAsync();
            var status = response.StatusCode;
            JsonNode? json = null;
            try
            {
                if (text.Length > 0) json = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                if (status is >= 200 and < 300)
                    return new AmazonAnswer(status, null, text, new CallOutcome.TransientFailure($"{operation} answered {status} with unreadable JSON: {Excerpt(text)}"));
            }
            return new AmazonAnswer(status, json, text, Classify(operation, status, token, text));
        }
    }

    /// <summary>PUTs a document to the upload URL a feed document gave (a pre-signed URL: no access token).</summary>
    public async Task<CallOutcome?> UploadAsync(string url, string content, string contentType, CancellationToken ct)
    {
        try
        {
            using var response = await url.WithTimeout(_http.Settings.Timeout ?? TimeSpan.FromSeconds(100)).AllowAnyHttpStatus()
                .PutAsync(Document(content, contentType), cancellationToken: ct);
            return response.StatusCode is >= 200 and < 300 ? null
                : new CallOutcome.TransientFailure($"the feed document upload answered {response.StatusCode}: {Excerpt(await response.GetStringAsync())}");
        }
        catch (Exception ex) when (ex is FlurlHttpException or HttpRequestException or IOException || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new CallOutcome.TransientFailure("the feed document upload failed: " + Excerpt(ex.InnerException?.Message ?? ex.Message));
        }
    }

    /// <summary>The body of an upload, typed exactly as the feed document was created (its charset included).</summary>
    private static StringContent Document(string content, string contentType)
    {
        var body = new StringContent(content, Encoding.UTF8);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return body;
    }

    /// <summary>GETs a document (a processing report) from its pre-signed URL, as bytes: it may be compressed.</summary>
    public async Task<(byte[]? Bytes, CallOutcome? Failure)> DownloadAsync(string url, CancellationToken ct)
    {
        try
        {
            using var response = await url.WithTimeout(_http.Settings.Timeout ?? TimeSpan.FromSeconds(100)).AllowAnyHttpStatus().GetAsync(cancellationToken: ct);
            var bytes = await response.GetBytesAsync();
            return response.StatusCode is >= 200 and < 300 ? (bytes, null)
                : (null, new CallOutcome.TransientFailure($"the report download answered {response.StatusCode}: {Excerpt(Encoding.UTF8.GetString(bytes))}"));
        }
        catch (Exception ex) when (ex is FlurlHttpException or HttpRequestException or IOException || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (null, new CallOutcome.TransientFailure("the report download failed: " + Excerpt(ex.InnerException?.Message ?? ex.Message)));
        }
    }

    private CallOutcome? Classify(string operation, int status, string token, string text)
    {
        switch (status)
        {
            case >= 200 and < 300:
                return null;
            case 429:
                _plans.Throttled(operation);
                // No Retry-After: wait until the operation's bucket holds a call again, and at least a second.
                return new CallOutcome.RateLimited(TimeSpan.FromTicks(Math.Max(_plans.OneCall(operation).Ticks, MinimumPauseAfter429.Ticks)));
            case 401 or 403:
                _tokens.Refused(token);
                // An expired token is bought again on the next attempt; any other refusal needs the operator.
                return text.Contains("expired", StringComparison.OrdinalIgnoreCase)
                    ? new CallOutcome.TransientFailure($"{operation}: the access token expired early; a new one is bought for the next attempt")
                    : new CallOutcome.AuthenticationFailed($"{operation} answered {status}: {Excerpt(text)}");
            case 413:
                return new CallOutcome.TooLarge($"{operation} answered 413: {Excerpt(text)}");
            case >= 500 or 408:
                return new CallOutcome.TransientFailure($"{operation} answered {status}: {Excerpt(text)}");
            default:
                return new CallOutcome.Refused(status, $"{operation} answered {status}: {Excerpt(text)}");
        }
    }

    public void Dispose() => _http.Dispose();
}
