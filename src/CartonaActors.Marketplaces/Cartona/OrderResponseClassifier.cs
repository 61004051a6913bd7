using CartonaActors.Marketplaces.Http;
using CartonaActors.Domain.Secrets;
using System.Net.Http.Headers;
using System.Text.Json;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>Turns an order call's HTTP answer into a <see cref="CallOutcome"/>, with the push path's rules.</summary>
internal sealed class OrderResponseClassifier(SecretScrubber scrubber, TimeProvider clock)
{
    /// <summary>The outcome of any answer; a 2xx is Ok unless its body says <c>"success": false</c>.</summary>
    public CallOutcome Classify(int status, string body, RetryConditionHeaderValue? retryAfter)
    {
        var detail = $"HTTP {status}: {scrubber.Excerpt(body)}";
        return status switch
        {
            // Cartona's own module reads a top-level "success" key when the answer has one (cartona_odoo.md §1.0).
            >= 200 and < 300 when SaysUnsuccessful(body) => new CallOutcome.Refused(status, detail),
            >= 200 and < 300 => CallOutcome.Success,
            429 => new CallOutcome.RateLimited(RetryAfterHeader.Read(retryAfter, clock.GetUtcNow())),
            401 or 403 => new CallOutcome.AuthenticationFailed(detail),
            // The real Cartona answers a bad token with 400, not 401 (cartona_odoo.md §1.0).
            400 when PushResponseClassifier.IsInvalidCredentials(body) => new CallOutcome.AuthenticationFailed(detail),
            >= 400 and < 500 => new CallOutcome.Refused(status, detail),
            // 5xx, and anything unexpected such as an unfollowed redirect.
            _ => new CallOutcome.TransientFailure(detail),
        };
    }

    private static bool SaysUnsuccessful(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return false;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("success", out var success)
                && success.ValueKind == JsonValueKind.False;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
