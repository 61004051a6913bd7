using CartonaActors.Domain.Json;
using System.Net.Http.Headers;
using System.Text.Json;
using CartonaActors.Domain.Secrets;
using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces.Http;

namespace CartonaActors.Marketplaces.Rest;

/// <summary>Turns the contract's HTTP answers into outcomes.</summary>
internal sealed class RestResponses(SecretScrubber scrubber, TimeProvider clock)
{
    /// <summary>
    /// A batch push's answer but a 2xx: as <see cref="Failure"/>, except that a 4xx that is no verdict on the items
    /// is retried (<see cref="PushRetryRule"/>). Order calls keep <see cref="Failure"/>: there a 409 is an illegal
    /// transition, a real refusal.
    /// </summary>
    public CallOutcome PushFailure(int status, string body, RetryConditionHeaderValue? retryAfter) =>
        status is >= 400 and < 500 && PushRetryRule.IsTransient(status, body, IsContractError)
            ? new CallOutcome.TransientFailure($"HTTP {status}: {scrubber.Excerpt(body)}")
            : Failure(status, body, retryAfter);

    /// <summary>The contract's refusals all share <c>{"error":"code"}</c>.</summary>
    private static bool IsContractError(string body) => PushRetryRule.IsJsonObjectWith(body, "error");

    /// <summary>Any answer but a 2xx.</summary>
    public CallOutcome Failure(int status, string body, RetryConditionHeaderValue? retryAfter)
    {
        var detail = $"HTTP {status}: {scrubber.Excerpt(body)}";
        return status switch
        {
            429 => new CallOutcome.RateLimited(RetryAfterHeader.Read(retryAfter, clock.GetUtcNow())),
            401 or 403 => new CallOutcome.AuthenticationFailed(detail),
            413 => new CallOutcome.TooLarge(detail),
            // The same write is still being processed: it is retried, and then replayed.
            409 when body.Contains("idempotency_key_in_progress", StringComparison.Ordinal) => new CallOutcome.TransientFailure(detail),
            >= 400 and < 500 => new CallOutcome.Refused(status, detail),
            _ => new CallOutcome.TransientFailure(detail),
        };
    }

    private static string TextOf(JsonElement value) => value.ValueKind == JsonValueKind.String ? JsonStrings.Read(value) : value.GetRawText();

    /// <summary>Per-row results of a batch, by row index; null when the answer has none that can be read.</summary>
    public IReadOnlyDictionary<int, string>? RowErrors(string body, int rows)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("results", out var results)
                || results.ValueKind != JsonValueKind.Array || results.GetArrayLength() != rows) return null;
            var errors = new Dictionary<int, string>();
            foreach (var r in results.EnumerateArray())
            {
                if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("index", out var i) || !i.TryGetInt32(out var index)
                    || index < 0 || index >= rows) return null;
                var status = r.TryGetProperty("status", out var st) && st.ValueKind == JsonValueKind.String ? JsonStrings.Read(st) : null;
                if (status == "ok") continue;
                var code = r.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("code", out var c) ? TextOf(c) : "error";
                var message = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) ? TextOf(m) : null;
                errors[index] = scrubber.Excerpt(message is null ? code : $"{code}: {message}");
            }
            return errors;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
