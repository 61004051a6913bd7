using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Collections.Concurrent;
using CartonaActors.Domain.SyncLog;
using CartonaActors.Service.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CartonaActors.Service.Tests.Fuzz;

/// <summary>One running service (with Odoo, so the webhook and the order endpoints are live) for the whole fuzz
/// suite, and what every answer to a hostile request must be.</summary>
public sealed class IngressFuzzWorld : IAsyncLifetime
{
    /// <summary>A Cartona listing no generator names, so only the liveness check ever changes it.</summary>
    private const string AliveListing = "alive-424242";

    private int _aliveChecks;

    public OdooWorld World { get; private set; } = null!;

    private TestService Service => World.Service;

    /// <summary>The refusals answered since the last check, each to be found in the sync log.</summary>
    private readonly ConcurrentQueue<string> _refused = new();

    public async Task InitializeAsync()
    {
        World = await OdooWorld.StartAsync(o => o.SeedCatalog(1), new Dictionary<string, string[]> { ["cartona"] = [] }, 1);
        World.Cartona["cartona"].Catalog.Seed([(424242L, AliveListing)]);
    }

    public async Task DisposeAsync() => await World.DisposeAsync();

    /// <summary>Never a 5xx; a refusal is a 4xx <c>{"error": "..."}</c> in plain words (found in the sync log by
    /// <see cref="AssertRefusalsInSyncLogAsync"/>: the log trails the journal, so a run's refusals are looked up at once).</summary>
    /// <returns>The status answered.</returns>
    public async Task<int> SendAsync(Ingress ingress, HostileRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(ingress.Method), request.Path) { Content = request.Content() };
        if (ingress.OdooSecret) message.Headers.Add("X-Webhook-Token", OdooWorld.WebhookSecret);
        using var response = await Service.Http.SendAsync(message);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status is >= 200 and < 300 or >= 400 and < 500, $"HTTP {status}: {text}");
        if (status < 400) return status;

        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"HTTP {status} [{response.Content.Headers.ContentType}]: {text}");
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error), text);
        // What the service names of itself; a message may quote the sender's own text, which may hold anything.
        var sent = System.Text.Encoding.UTF8.GetString(request.Body) + Uri.UnescapeDataString(request.Path);
        foreach (var internals in new[] { "System.", "Exception", "   at ", "CartonaActors." })
            if (!sent.Contains(internals, StringComparison.Ordinal)) Assert.DoesNotContain(internals, error);
        _refused.Enqueue(error!.Length > InputRefused.MaxReason ? error[..InputRefused.MaxReason] : error);
        return status;
    }

    /// <summary>The newest sync log row id: refusals of a run are newer.</summary>
    public async Task<long> SyncLogMarkAsync() =>
        (await SyncLogApi.RowsAsync(Service.Http, "?limit=1")) is [var newest] ? newest.GetProperty("id").GetInt64() : 0;

    /// <summary>Every refusal answered since <paramref name="mark"/> is an input_refused row newer than it.</summary>
    public async Task AssertRefusalsInSyncLogAsync(long mark)
    {
        var expected = new List<string>();
        while (_refused.TryDequeue(out var e)) expected.Add(e);
        var missing = expected;
        await Until.TrueAsync(async () =>
        {
            var messages = await RefusalsSinceAsync(mark);
            missing = expected.Where(e => !messages.Any(m => m.Contains(e, StringComparison.Ordinal))).ToList();
            return missing.Count == 0;
        }, TimeSpan.FromSeconds(30), $"{missing.Count} refusals in the sync log, e.g. '{missing.FirstOrDefault()}'");
    }

    private async Task<List<string>> RefusalsSinceAsync(long mark)
    {
        var messages = new List<string>();
        var before = "";
        while (true)
        {
            var page = await SyncLogApi.RowsAsync(Service.Http, "?kind=input_refused&limit=1000" + before);
            var newer = page.Where(r => r.GetProperty("id").GetInt64() > mark).ToList();
            messages.AddRange(newer.Select(r => r.Text("message")!));
            if (newer.Count < 1000) return messages;
            before = "&before=" + newer[^1].GetProperty("id").GetInt64();
        }
    }

    /// <summary>Log lines so far, to look only at what a fuzz run added.</summary>
    public int LogMark => Service.Log.Lines.Count;

    /// <summary>No actor failed, no request threw, nothing was logged as an error since <paramref name="mark"/>.</summary>
    public void AssertNothingCrashedSince(int mark)
    {
        var failures = Service.Log.Lines.Skip(mark)
            .Where(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Fatal ", StringComparison.Ordinal)
                        || l.Contains("Restarting", StringComparison.Ordinal) || l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    /// <summary>A valid change is still accepted and reaches the marketplace.</summary>
    public async Task AssertStillSyncsAsync()
    {
        var price = 100m + Interlocked.Increment(ref _aliveChecks);
        using var response = await Service.PutProductAsync("fuzz-alive", new
        {
            price, listings = new[] { new { connection = "cartona", internalProductId = AliveListing } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Shown() != price)
        {
            Assert.True(DateTime.UtcNow < deadline, $"price {price} not on Cartona within 30 s (shows {Shown()})");
            await Task.Delay(50);
        }
    }

    private decimal? Shown() =>
        World.Cartona["cartona"].Catalog.TryGet(AliveListing)?.SellingPrice is { } shown ? decimal.Parse(shown, CultureInfo.InvariantCulture) : null;
}
