using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartonaActors.Domain.Secrets;
using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces.Http;
using Flurl.Http;

namespace CartonaActors.Marketplaces.Shopify;

/// <summary>
/// One GraphQL Admin API call at a time: the pinned version's endpoint, <c>X-Shopify-Access-Token</c>, a call
/// sent only when the cost bucket (as last reported) can pay its estimated cost, and the answer classified:
/// <c>THROTTLED</c> and 429 are rate limits, 401 a refused credential (an expiring token is refreshed before the
/// next call), 5xx and transport failures transient, top-level GraphQL errors a refusal. Never retries.
/// </summary>
internal sealed class ShopifyGraphQL : IDisposable
{
    private readonly FlurlClient _http;
    private readonly string _path;
    private readonly ShopifyCostMeter _meter;
    private readonly ShopifyAccessTokens _tokens;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly SecretScrubber _baseScrubber;
    private readonly string? _clientSecret;

    public ShopifyGraphQL(ConnectionSettings settings, ShopifySettings own, ShopifyCostMeter meter, ShopifyAccessTokens tokens,
        SecretScrubber scrubber, TimeProvider clock)
    {
        _meter = meter;
        _tokens = tokens;
        _clock = clock;
        _timeout = settings.Timeout;
        _baseScrubber = scrubber;
        _clientSecret = own.ClientSecret;
        _path = $"admin/api/{own.ApiVersion}/graphql.json";
        _http = new FlurlClient(settings.BaseUrl.TrimEnd('/') + "/");
        _http.Settings.Timeout = settings.Timeout;
        _http.Settings.AllowedHttpStatusRange = "*";
        _http.WithHeader("User-Agent", "CartonaActors/1.0").WithHeader("Accept", "application/json");
    }

    public ShopifyCostMeter Meter => _meter;

    /// <summary>Scrubs every secret the connection holds now (tokens rotate).</summary>
    private SecretScrubber Scrubber => new([.. _tokens.Secrets, _clientSecret]);

    /// <summary>A bounded excerpt of wire text without the configured secrets or the current, rotated ones.</summary>
    public string Excerpt(string? text) => Scrubber.Excerpt(_baseScrubber.Scrub(text));

    /// <summary>Sends the document when the bucket can pay <paramref name="cost"/>; else answers "not sent, wait".</summary>
    /// <param name="waitForBudget">A later document of a push already under way waits for its points rather than
    /// abandon what the earlier ones applied.</param>
    public async Task<GraphQLAnswer> SendAsync(string query, JsonObject? variables, double cost, CancellationToken ct, bool waitForBudget = false)
    {
        var (token, problem) = await _tokens.CurrentAsync(ct);
        if (token is null) return GraphQLAnswer.Failed(new CallOutcome.AuthenticationFailed(problem!));
        while (_meter.TryReserve(cost) is { } wait)
        {
            if (!waitForBudget) return GraphQLAnswer.Failed(new CallOutcome.RateLimited(wait, NotSent: true));
            await Task.Delay(wait, _clock, ct);
        }
        ShopifyThrottleStatus? status = null;
        var answered = false;
        try
        {
            var body = new JsonObject { ["query"] = query, ["variables"] = variables ?? new JsonObject() }.ToJsonString();
            IFlurlResponse response;
            try
            {
                response = await _http.Request(_path).WithHeader("X-Shopify-Access-Token", token)
                    .PostAsync(new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken: ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (FlurlHttpTimeoutException)
            {
                return GraphQLAnswer.Failed(new CallOutcome.TransientFailure($"timed out after {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"));
            }
            catch (Exception ex) when (ex is FlurlHttpException or HttpRequestException or IOException or OperationCanceledException)
            {
                return GraphQLAnswer.Failed(new CallOutcome.TransientFailure($"connection failed: {Excerpt(ex.InnerException?.Message ?? ex.Message)}"));
            }
            using (response)
            {
                var text = await response.GetStringAsync() ?? "";
                var code = response.StatusCode;
                if (code is 401 or 403)
                {
                    _tokens.Refused(token);
                    return GraphQLAnswer.Failed(new CallOutcome.AuthenticationFailed($"HTTP {code}: {Excerpt(text)}"));
                }
                if (code == 429)
                    return GraphQLAnswer.Failed(new CallOutcome.RateLimited(RetryAfterHeader.Read(response.ResponseMessage.Headers.RetryAfter, _clock.GetUtcNow())));
                if (code >= 500) return GraphQLAnswer.Failed(new CallOutcome.TransientFailure($"HTTP {code}: {Excerpt(text)}"));
                if (code != 200)
                    return GraphQLAnswer.Failed(PushRetryRule.IsTransient(code, text, b => PushRetryRule.IsJsonObjectWith(b, "errors"))
                        ? new CallOutcome.TransientFailure($"HTTP {code}: {Excerpt(text)}")
                        : new CallOutcome.Refused(code, $"HTTP {code}: {Excerpt(text)}"));
                JsonNode? root;
                try { root = JsonNode.Parse(text); }
                catch (JsonException) { root = null; }
                if (root is not JsonObject answer)
                    return GraphQLAnswer.Failed(new CallOutcome.TransientFailure($"answer (HTTP 200) is not JSON: {Excerpt(text)}"));
                status = ThrottleStatusOf(answer);
                var errors = answer["errors"] as JsonArray;
                if (errors is { Count: > 0 })
                {
                    var codes = errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();
                    var message = string.Join("; ", errors.Select(e => e?["message"]?.ToString()).Where(m => m is not null).Take(3));
                    if (codes.Contains("THROTTLED"))
                    {
                        // What the bucket lacks for this call, at the rate the answer gives.
                        _meter.Answered(cost, status);
                        answered = true;
                        return GraphQLAnswer.Failed(new CallOutcome.RateLimited(_meter.WaitFor(cost) + TimeSpan.FromMilliseconds(100)));
                    }
                    if (codes.Contains("MAX_COST_EXCEEDED")) return GraphQLAnswer.Failed(new CallOutcome.TooLarge(Excerpt(message)));
                    if (answer["data"] is not JsonObject)
                        return GraphQLAnswer.Failed(codes.Contains("INTERNAL_SERVER_ERROR")
                            ? new CallOutcome.TransientFailure(Excerpt(message))
                            : new CallOutcome.Refused(200, Excerpt(message)));
                }
                if (answer["data"] is not JsonObject data)
                    return GraphQLAnswer.Failed(new CallOutcome.TransientFailure($"answer has no data: {Excerpt(text)}"));
                return new GraphQLAnswer(null, data);
            }
        }
        finally
        {
            if (!answered) _meter.Answered(cost, status);
        }
    }

    private static ShopifyThrottleStatus? ThrottleStatusOf(JsonObject answer)
    {
        try
        {
            if (answer["extensions"]?["cost"]?["throttleStatus"] is not JsonObject t) return null;
            return new ShopifyThrottleStatus(t["maximumAvailable"]!.GetValue<double>(), t["currentlyAvailable"]!.GetValue<double>(),
                t["restoreRate"]!.GetValue<double>());
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or NullReferenceException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A GraphQL call's <c>data</c>, or the outcome that stopped it.</summary>
internal sealed record GraphQLAnswer(CallOutcome? Failure, JsonObject? Data)
{
    public static GraphQLAnswer Failed(CallOutcome outcome) => new(outcome, null);
}
