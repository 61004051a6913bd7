using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Sandbox.Tests.Cartona;

/// <summary>A running emulator plus a plain HttpClient that talks to it the way Cartona's own module does.</summary>
internal sealed class EmulatorScope : IAsyncDisposable
{
    public const string Token = "sandbox-test-token";

    private EmulatorScope(CartonaEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
    }

    public CartonaEmulator Emulator { get; }
    public HttpClient Http { get; }

    /// <summary>Starts an emulator with generous limits unless a test tightens them.</summary>
    public static async Task<EmulatorScope> StartAsync(Action<CartonaEmulatorOptions>? configure = null)
    {
        var options = new CartonaEmulatorOptions
        {
            Tokens = new HashSet<string> { Token },
            RequestsPerSecond = 1000,
            Burst = 1000,
        };
        configure?.Invoke(options);
        return new EmulatorScope(await CartonaEmulator.StartAsync(options));
    }

    public Task<HttpResponseMessage> PostBulkAsync(string json, string? token = Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "supplier-product/bulk-update")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Add("AuthorizationToken", token);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string relativeUrl, string json, string? token = Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, relativeUrl)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Add("AuthorizationToken", token);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string relativeUrl, string? token = Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, relativeUrl);
        if (token is not null) request.Headers.Add("AuthorizationToken", token);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetWithBearerAsync(string relativeUrl, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, relativeUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
