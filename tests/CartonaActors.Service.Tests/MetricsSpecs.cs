using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Service.Tests;

/// <summary>GET /metrics on the real service after real pushes to the Cartona emulator: the engine's figures are
/// right, the latency histogram has its observations, no configured secret shows, and the admin token guards it.</summary>
public sealed class MetricsSpecs : IAsyncLifetime
{
    private const string CartonaToken = "metrics-cartona-token-8c1d2e";
    private const string AdminToken = "metrics-admin-token-41f7a0";
    private const string WebhookSecret = "metrics-webhook-secret-9b3e55";
    private const string Labels = "connection=\"cartona\",platform=\"cartona\"";

    private CartonaEmulator _cartona = null!;
    private TestService _service = null!;

    public async Task InitializeAsync()
    {
        _cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Tokens = new HashSet<string> { CartonaToken } });
        _cartona.Catalog.Seed([(1L, "1"), (2L, "2"), (3L, "3")]);
        var settings = TestService.Settings(_cartona, CartonaToken);
        settings["CartonaActors:Admin:Token"] = AdminToken;
        settings["CartonaActors:ErpSync:WebhookSecret"] = WebhookSecret;
        _service = await TestService.StartAsync(settings);
        _service.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _cartona.DisposeAsync();
    }

    [Fact]
    public async Task After_three_pushes_and_a_refusal_the_counters_and_the_latency_histogram_show_them()
    {
        foreach (var (sku, listed) in new[] { ("sku-1", "1"), ("sku-2", "2"), ("sku-3", "3"), ("sku-x", "no-such-product") })
            (await _service.PutProductAsync(sku, new { price = 5, listings = new[] { new { connection = "cartona", internalProductId = listed } } }))
                .EnsureSuccessStatusCode();
        await Until.TrueAsync(async () => (await PushOfAsync("sku-x")).GetProperty("refusal").ValueKind == JsonValueKind.String
                && _cartona.Catalog.All().Count(p => p.SellingPrice is not null && decimal.Parse(p.SellingPrice, CultureInfo.InvariantCulture) == 5m) == 3,
            TimeSpan.FromSeconds(30), "three products shown and one refused");

        // The figures follow the verdict on the marketplace entity's own turn: polled until the scrape has them.
        string text = "";
        await Until.TrueAsync(async () => PrometheusText.Value(text = await ScrapeAsync(), "cartona_sync_push_confirmed_total", Labels) == 3
                && PrometheusText.Value(text, "cartona_sync_push_refused_total", Labels) == 1,
            TimeSpan.FromSeconds(10), "3 confirmed and 1 refused in /metrics");

        Assert.Equal(4, PrometheusText.Value(text, "cartona_sync_push_items_total", Labels));
        Assert.InRange(PrometheusText.Value(text, "cartona_sync_push_calls_total", Labels)!.Value, 1, 4);
        Assert.Null(PrometheusText.Value(text, "cartona_sync_push_failed_calls_total", Labels, prefix: true));
        // Each of the three confirmed changes is one observation, from its accept to the emulator's answer.
        Assert.Equal(3, PrometheusText.Value(text, "cartona_sync_change_to_confirm_seconds_count", Labels));
        Assert.InRange(PrometheusText.Value(text, "cartona_sync_change_to_confirm_seconds_sum", Labels)!.Value, 0.001, 3 * 30);
        Assert.Equal(3, PrometheusText.Value(text, "cartona_sync_change_to_confirm_seconds_bucket", Labels + ",le=\"+Inf\""));
        Assert.Equal(0, PrometheusText.Value(text, "cartona_sync_buffer_waiting", Labels));
        Assert.Equal(0, PrometheusText.Value(text, "cartona_sync_buffer_in_flight", Labels));
        // The host's own instruments come along.
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("dotnet_gc_", text);
    }

    [Fact]
    public async Task A_429_and_a_503_before_the_confirmation_count_as_failed_calls_pacing_waits_and_resends()
    {
        _cartona.Faults.Enqueue(new CartonaFault.RateLimit(1), pathPrefix: "supplier-product/bulk-update");
        _cartona.Faults.Enqueue(new CartonaFault.ServerError(503), pathPrefix: "supplier-product/bulk-update");
        (await _service.PutProductAsync("sku-1", new { price = 8, listings = new[] { new { connection = "cartona", internalProductId = "1" } } }))
            .EnsureSuccessStatusCode();

        string text = "";
        await Until.TrueAsync(async () => PrometheusText.Value(text = await ScrapeAsync(), "cartona_sync_push_confirmed_total", Labels) == 1,
            TimeSpan.FromSeconds(30), "the push confirmed after a 429 and a 503");

        Assert.Equal(0, _cartona.Faults.Pending);
        Assert.Equal(3, PrometheusText.Value(text, "cartona_sync_push_calls_total", Labels));
        Assert.Equal(3, PrometheusText.Value(text, "cartona_sync_push_items_total", Labels));
        Assert.Equal(1, PrometheusText.Value(text, "cartona_sync_push_failed_calls_total", Labels + ",kind=\"rate_limited\""));
        Assert.Equal(1, PrometheusText.Value(text, "cartona_sync_push_failed_calls_total", Labels + ",kind=\"transient_failure\""));
        Assert.Equal(1, PrometheusText.Value(text, "cartona_sync_pacing_rate_limited_total", Labels));
        Assert.Equal(1, PrometheusText.Value(text, "cartona_sync_pacing_paused_seconds_total", Labels + ",reason=\"rate_limited\""));
        Assert.True(PrometheusText.Value(text, "cartona_sync_pacing_paused_seconds_total", Labels + ",reason=\"backoff\"") > 0);
        // One change, one observation, however many calls it took; the 1 s Retry-After is in it.
        Assert.Equal(1, PrometheusText.Value(text, "cartona_sync_change_to_confirm_seconds_count", Labels));
        Assert.True(PrometheusText.Value(text, "cartona_sync_change_to_confirm_seconds_sum", Labels) >= 1);
    }

    [Fact]
    public async Task No_configured_secret_appears_in_metrics_however_the_service_was_called()
    {
        // Secrets in the places a label could pick them up from: a path, a query string, a webhook's token.
        using var _ = await _service.Http.GetAsync($"/api/products/{CartonaToken}?token={AdminToken}");
        using var __ = await _service.Http.PostAsync($"/webhooks/odoo?token={WebhookSecret}", null);
        (await _service.PutProductAsync("sku-1", new { price = 7, listings = new[] { new { connection = "cartona", internalProductId = "1" } } }))
            .EnsureSuccessStatusCode();
        await Until.TrueAsync(async () => PrometheusText.Value(await ScrapeAsync(), "cartona_sync_push_confirmed_total", Labels) == 1,
            TimeSpan.FromSeconds(30), "the push in /metrics");

        var text = await ScrapeAsync();
        Assert.Contains("cartona_sync_push_items_total", text);
        foreach (var secret in new[] { CartonaToken, AdminToken, WebhookSecret }) Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public async Task Metrics_is_an_admin_endpoint_and_the_health_probes_stay_open()
    {
        using var anonymous = new HttpClient { BaseAddress = _service.Http.BaseAddress };
        using var refused = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("cartona_sync", await refused.Content.ReadAsStringAsync());
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new("Bearer", AdminToken + "x") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/live")).StatusCode);

        using var scraped = await _service.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.StartsWith("text/plain", scraped.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> ScrapeAsync() => await _service.Http.GetStringAsync("/metrics");

    private async Task<JsonElement> PushOfAsync(string sku)
    {
        var product = JsonDocument.Parse(await _service.Http.GetStringAsync($"/api/products/{sku}")).RootElement;
        return product.GetProperty("pushes").GetProperty("cartona");
    }
}
