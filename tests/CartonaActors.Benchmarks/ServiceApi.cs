using System.Net.Http.Json;
using System.Text.Json;

namespace CartonaActors.Benchmarks;

/// <summary>The admin API calls the benchmark reads progress from (loopback needs no admin token).</summary>
public sealed class ServiceApi(Uri root) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = root, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Products started (recovered or created) by this process since it started.</summary>
    public async Task<long> ProductsStartedAsync() =>
        (await _http.GetFromJsonAsync<JsonElement>("api/engine/stats")).GetProperty("productsStarted").GetInt64();

    public async Task<ConnectionProgress> ConnectionAsync(string name)
    {
        var c = await _http.GetFromJsonAsync<JsonElement>($"api/connections/{name}");
        SyncAllProgress? syncAll = c.TryGetProperty("syncAll", out var s) && s.ValueKind == JsonValueKind.Object
            ? new SyncAllProgress(s.GetProperty("total").GetInt32(), s.GetProperty("remaining").GetInt32())
            : null;
        return new ConnectionProgress(c.GetProperty("waiting").GetInt32(), c.GetProperty("inFlightItems").GetInt32(), syncAll);
    }

    /// <summary>Starts a forced re-push of every listed product; returns how many the service will send.</summary>
    public async Task<int> SyncAllAsync(string name)
    {
        using var response = await _http.PostAsync($"api/connections/{name}/sync-all", null);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST sync-all answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("products").GetInt32();
    }

    public async Task StartCatalogLoadAsync()
    {
        using var response = await _http.PostAsync("api/erp/catalog-load", null);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/erp/catalog-load answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public Task<JsonElement> CatalogLoadAsync() => _http.GetFromJsonAsync<JsonElement>("api/erp/catalog-load");

    public void Dispose() => _http.Dispose();
}

/// <param name="Waiting">Items queued for the connection, not yet sent.</param>
/// <param name="SyncAll">Progress of a forced re-push, when one was started.</param>
public sealed record ConnectionProgress(int Waiting, int InFlightItems, SyncAllProgress? SyncAll)
{
    public int Pending => Waiting + InFlightItems;
}

public sealed record SyncAllProgress(int Total, int Remaining);
