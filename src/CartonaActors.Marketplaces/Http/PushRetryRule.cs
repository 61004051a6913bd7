using System.Text.Json;

namespace CartonaActors.Marketplaces.Http;

/// <summary>
/// Which 4xx answers to a bulk push mean "not now" rather than "not these items", for every client. A refusal
/// makes the engine halve the batch until single items are rejected for good, so a 4xx that is no verdict on
/// the items (a conflict that clears, a gateway's maintenance page) must be retried at the same size instead,
/// or a batch of good items ends up refused one by one. Push calls only: on an order call a 409 can be the
/// platform's real answer (the REST contract's illegal transition).
/// </summary>
public static class PushRetryRule
{
    /// <summary>
    /// 408 Request Timeout, 409 Conflict (another write in flight) and 425 Too Early say nothing about the
    /// items; the same call can succeed later. (429 has its own outcome.)
    /// </summary>
    private static bool IsTransientStatus(int status) => status is 408 or 409 or 425;

    /// <summary>
    /// A 4xx the platform did not decide on the items: a transient status, or a 400/404 whose body is not the
    /// platform's own error shape (an HTML page, plain text, nothing), which comes from whatever stands in front
    /// of the platform. A 4xx in the platform's shape stays a refusal: halving then isolates the bad item.
    /// </summary>
    /// <param name="isPlatformError">The platform's error shape; each platform documents its own.</param>
    public static bool IsTransient(int status, string body, Func<string, bool> isPlatformError)
    {
        ArgumentNullException.ThrowIfNull(isPlatformError);
        return IsTransientStatus(status) || (status is 400 or 404 && !isPlatformError(body ?? ""));
    }

    /// <summary>Whether <paramref name="body"/> is a JSON object with the member <paramref name="name"/>.</summary>
    public static bool IsJsonObjectWith(string body, string name)
    {
        if (string.IsNullOrWhiteSpace(body)) return false;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
