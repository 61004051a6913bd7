using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Sandbox.Tests.Rest;

/// <summary>A running REST emulator plus a plain HttpClient that talks to it as the contract describes.</summary>
internal sealed class RestScope : IAsyncDisposable
{
    public const string Token = "rest-test-token";
    public const string Inventory = "v1/inventory:batch";
    public const string Prices = "v1/prices:batch";

    private RestScope(RestMarketplaceEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
    }

    public RestMarketplaceEmulator Emulator { get; }
    public HttpClient Http { get; }

    /// <summary>Starts an emulator with generous limits unless a test tightens them.</summary>
    public static async Task<RestScope> StartAsync(Action<RestMarketplaceEmulatorOptions>? configure = null)
    {
        var options = new RestMarketplaceEmulatorOptions
        {
            Tokens = new HashSet<string> { Token },
            RequestsPerSecond = 1000,
            Burst = 1000,
        };
        configure?.Invoke(options);
        return new RestScope(await RestMarketplaceEmulator.StartAsync(options));
    }

    /// <summary>A write carrying <paramref name="key"/>, or a fresh key when null.</summary>
    public Task<HttpResponseMessage> PostAsync(string url, string json, string? key = null, string? token = Token,
        CancellationToken ct = default)
    {
        var request = Request(HttpMethod.Post, url, token, json);
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return Http.SendAsync(request, ct);
    }

    public Task<HttpResponseMessage> PostWithoutKeyAsync(string url, string json, string? token = Token) =>
        Http.SendAsync(Request(HttpMethod.Post, url, token, json));

    public Task<HttpResponseMessage> GetAsync(string url, string? token = Token) =>
        Http.SendAsync(Request(HttpMethod.Get, url, token, json: null));

    /// <summary>POST v1/orders/{id}/status with a fresh key; status code and body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SetStatusAsync(
        string orderId, string status, string? reason = null, string? tracking = null, string? key = null)
    {
        var json = JsonSerializer.Serialize(new { status, reason, tracking });
        using var response = await PostAsync($"v1/orders/{Uri.EscapeDataString(orderId)}/status", json, key);
        return (response.StatusCode, await JsonAsync(response));
    }

    /// <summary>GET v1/orders with the given query; the page (asserting 200).</summary>
    public async Task<JsonElement> FeedAsync(string query = "")
    {
        using var response = await GetAsync("v1/orders" + (query.Length > 0 ? "?" + query : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static RestOrderSpec Order(string? id = null, string status = RestOrderStatus.Pending) => new()
    {
        Id = id,
        Status = status,
        Lines = [new RestOrderLineSpec("51", 2, 12.50m) { Name = "Rice 1kg" }, new RestOrderLineSpec("52", 1, 7m)],
    };

    /// <summary>Waits for a condition another thread (the server) brings about; fails after 5 s.</summary>
    public static Task EventuallyAsync(Func<bool> condition) => Eventually.TrueAsync(condition);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string? token, string? json)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return request;
    }
}

internal static class RestJson
{
    public static string Error(this JsonElement body) => body.GetProperty("error").GetString()!;

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    /// <summary>The per-item results of a 207, as (status, error code or null).</summary>
    public static List<(string Status, string? Code)> Results(this JsonElement body) =>
        body.GetProperty("results").EnumerateArray()
            .Select((r, i) =>
            {
                Assert.Equal(i, r.GetProperty("index").GetInt32());
                var status = r.GetProperty("status").GetString()!;
                return (status, status == "error" ? r.GetProperty("error").GetProperty("code").GetString() : null);
            })
            .ToList();
}
