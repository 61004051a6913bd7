using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CartonaActors.Cli;

/// <summary>
/// The one HTTP client of cartonactl: calls the service's admin API and turns every way a call can fail into an
/// <see cref="AdminApiException"/> with a sentence an operator can act on. The token is sent, never printed.
/// </summary>
public sealed class AdminApi : IDisposable
{
    private readonly HttpClient _http;

    public AdminApi(Uri baseUrl, string? token, TimeSpan timeout)
    {
        BaseUrl = baseUrl;
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = timeout };
        if (!string.IsNullOrEmpty(token)) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri BaseUrl { get; }

    public Task<JsonElement> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, ct);

    public Task<JsonElement> PostAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Post, path, ct);

    /// <summary>GET that answers the service's reason on 404 instead of failing (a product or order that is not
    /// known is an answer).</summary>
    public async Task<(JsonElement? Found, string? Missing)> FindAsync(string path, CancellationToken ct)
    {
        try
        {
            return (await GetAsync(path, ct), null);
        }
        catch (AdminApiException e) when (e.ExitCode == ExitCodes.NotFound)
        {
            return (null, e.Message);
        }
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(new HttpRequestMessage(method, path), ct);
        }
        catch (HttpRequestException e)
        {
            throw new AdminApiException(ExitCodes.Unreachable, $"cannot reach the service at {BaseUrl}: {e.Message} (is it running? set --url or CARTONACTL_URL)");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AdminApiException(ExitCodes.Unreachable, $"the service at {BaseUrl} did not answer {method} {path} within {_http.Timeout.TotalSeconds:0} s");
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode) return Parse(body, method, path);
            var error = ErrorText(body) ?? response.ReasonPhrase ?? "no reason given";
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new AdminApiException(ExitCodes.Unauthorized,
                    $"the service refused the admin token ({error}); pass --token or set CARTONACTL_TOKEN to the service's CartonaActors:Admin:Token"),
                HttpStatusCode.NotFound => new AdminApiException(ExitCodes.NotFound, error),
                _ => new AdminApiException(ExitCodes.ServiceError, $"{method} {path} failed with {(int)response.StatusCode} {response.ReasonPhrase}: {error}"),
            };
        }
    }

    private static JsonElement Parse(string body, HttpMethod method, string path)
    {
        if (string.IsNullOrWhiteSpace(body)) return JsonDocument.Parse("{}").RootElement;
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new AdminApiException(ExitCodes.ServiceError, $"{method} {path} answered something that is not JSON; is {path} the CartonaActors admin API?");
        }
    }

    /// <summary>The service's own words: {"error": "..."} or a problem document's detail.</summary>
    private static string? ErrorText(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in new[] { "error", "detail", "title" })
                if (root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString();
            return null;
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] + "…" : body.Length > 0 ? body : null;
        }
    }

    public void Dispose() => _http.Dispose();
}
