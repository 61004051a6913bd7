using CartonaActors.Marketplaces.Http;
using CartonaActors.Domain.Secrets;
using System.Net.Http.Headers;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>Turns a bulk-update HTTP answer into what it means for the engine.</summary>
internal sealed class PushResponseClassifier(SecretScrubber scrubber, TimeProvider clock)
{
    public CallOutcome Classify(int status, string body, RetryConditionHeaderValue? retryAfter, IReadOnlyList<PushItem> items)
    {
        var detail = $"HTTP {status}: {scrubber.Excerpt(body)}";
        return status switch
        {
            >= 200 and < 300 => BulkUpdateReport.Read(body, items, scrubber),
            429 => new CallOutcome.RateLimited(RetryAfterHeader.Read(retryAfter, clock.GetUtcNow())),
            401 or 403 => new CallOutcome.AuthenticationFailed(detail),
            // The real Cartona answers a bad token with 400, not 401 (cartona_odoo.md §1.0).
            400 when IsInvalidCredentials(body) => new CallOutcome.AuthenticationFailed(detail),
            413 => new CallOutcome.TooLarge($"{detail} ({items.Count} items)"),
            // Not a verdict on the items (408/409/425, or a gateway's page instead of Cartona's error): retry as is.
            >= 400 and < 500 when PushRetryRule.IsTransient(status, body, IsCartonaError) => new CallOutcome.TransientFailure(detail),
            >= 400 and < 500 => new CallOutcome.Refused(status, detail),
            // 5xx, and anything unexpected such as an unfollowed redirect: the batch may or may not have applied.
            _ => new CallOutcome.TransientFailure(detail),
        };
    }

    /// <summary>Cartona's own error answers are <c>{"error": ...}</c> (the real bad-token 400, the proposal's 401/422).</summary>
    public static bool IsCartonaError(string body) => PushRetryRule.IsJsonObjectWith(body, "error");

    public static bool IsInvalidCredentials(string body) =>
        body.Contains("invalid credentials", StringComparison.OrdinalIgnoreCase);
}
