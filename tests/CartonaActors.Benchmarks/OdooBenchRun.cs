using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace CartonaActors.Benchmarks;

/// <summary>
/// One database's run of the odoo scenario: an Odoo 18 emulator with N variants in WH1 and WH2, a Cartona emulator,
/// the service connected to both (one connection selling from WH1 + WH2, webhooks on templates and quants);
/// phase 1 the full catalog load, phase 2 changes made in Odoo at a fixed rate, then quiescence and verification.
/// </summary>
public sealed class OdooBenchRun(BenchOptions options, LogCapture logs, ResourceMeter meter)
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HealWait = TimeSpan.FromSeconds(70); // a poll interval and some

    public async Task<OdooRunResult> RunAsync(BenchDatabaseKind kind)
    {
        await using var database = await BenchDatabase.CreateAsync(kind);
        logs.Take();
        Progress($"{kind}: seeding the Odoo emulator with {options.Variants} variants in WH1 and WH2");
        await using var odoo = await OdooSide.StartAsync(options.Variants);
        var tracker = new OdooLatencyTracker();
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

        Progress($"{kind}: starting Cartona emulator and service on {database.Description}");
        await using var service = await ServiceUnderTest.StartAsync(options.Variants, database, (item, now) =>
        {
            if (int.TryParse(item.InternalProductId, NumberStyles.None, CultureInfo.InvariantCulture, out var variant))
                tracker.Applied(variant, item.SellingPrice, item.AvailableStockQuantity, now);
        }, odoo.ServiceSettings(secret));
        odoo.RegisterWebhooks($"{service.Root}webhooks/odoo?token={secret}");
        using var ingress = new IngressClient(service.Root);
        var readyStarted = Stopwatch.GetTimestamp();
        await ServiceUnderTest.WaitReadyAsync(ingress, ReadyTimeout);
        var ready = Stopwatch.GetElapsedTime(readyStarted);
        using var http = new HttpClient { BaseAddress = service.Root, Timeout = TimeSpan.FromSeconds(60) };

        Progress($"{kind}: phase 1, catalog load of {options.Variants} variants");
        var load = await LoadCatalogAsync(kind, odoo, service, database, tracker, http);

        OdooChangePhaseResult? changes = null;
        OdooVerification? verification = null;
        if (load.Complete)
        {
            Progress($"{kind}: phase 2, {options.Rate} Odoo changes/s for {options.Seconds} s");
            changes = await ChangeAsync(odoo, service, database, tracker, load.Events);
            verification = await VerifyAsync(kind, odoo, service);
        }
        Progress($"{kind}: stopping");
        return new OdooRunResult(kind, database.Description, odoo.SeedTime, service.Startup, ready, load, changes, verification, logs.Take(), logs.Path);
    }

    private async Task<OdooLoadResult> LoadCatalogAsync(BenchDatabaseKind kind, OdooSide odoo, ServiceUnderTest service,
        BenchDatabase database, OdooLatencyTracker tracker, HttpClient http)
    {
        var expected = odoo.ReadTruth();
        var n = options.Variants;
        meter.Restart();
        var from = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        using (var response = await http.PostAsync("api/erp/catalog-load", null))
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"POST /api/erp/catalog-load answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        TimeSpan? loaded = null, serverLoad = null, onCartona = null;
        var timedOut = false;
        int total = 0, read = 0, mismatches = n;
        string? lastError = null;
        var lastPrint = TimeSpan.Zero;
        var lastRead = 0;
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (true)
        {
            await tick.WaitForNextTickAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            var progress = await http.GetFromJsonAsync<JsonElement>("api/erp/catalog-load");
            total = progress.GetProperty("total").GetInt32();
            read = progress.GetProperty("read").GetInt32();
            lastError = progress.TryGetProperty("lastError", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : lastError;
            if (loaded is null && !progress.GetProperty("running").GetBoolean() && progress.GetProperty("completedAt").ValueKind == JsonValueKind.String)
            {
                loaded = elapsed;
                serverLoad = progress.GetProperty("completedAt").GetDateTimeOffset() - progress.GetProperty("startedAt").GetDateTimeOffset();
            }
            mismatches = odoo.Mismatches(service.Emulator.Catalog, expected);
            if (mismatches == 0 && onCartona is null)
                onCartona = Stopwatch.GetElapsedTime(started, Math.Max(started, tracker.LastAppliedAt));
            if (loaded is not null && onCartona is not null) break;
            if (elapsed - lastPrint >= ProgressEvery)
            {
                var rate = (read - lastRead) / (elapsed - lastPrint).TotalSeconds;
                Progress(string.Create(CultureInfo.InvariantCulture,
                    $"{kind}: {elapsed.TotalSeconds,5:0} s  read {read}/{total} ({rate:0}/s, {read / elapsed.TotalSeconds:0}/s overall)" +
                    $"{(loaded is null ? "" : ", load complete")}, on Cartona {n - mismatches}/{n}{(lastError is null ? "" : $", last error: {lastError}")}"));
                lastPrint = elapsed;
                lastRead = read;
            }
            if (elapsed.TotalSeconds > options.LoadTimeoutSeconds)
            {
                timedOut = true;
                break;
            }
        }
        var to = DateTimeOffset.UtcNow;
        var resources = meter.Read();
        var examples = new List<string>();
        if (mismatches > 0) mismatches = odoo.Mismatches(service.Emulator.Catalog, expected, examples);
        return new OdooLoadResult(n, total, read, loaded, serverLoad, onCartona, timedOut, mismatches, examples.ToArray(), lastError,
            OdooCallStats.From(odoo.Emulator.Calls, from, to), WebhookStats.From(odoo.Emulator.WebhookDeliveries, from, to),
            BulkCallStats.From(service.Emulator.Calls, from, to), await database.CountEventsAsync(), resources);
    }

    private async Task<OdooChangePhaseResult> ChangeAsync(OdooSide odoo, ServiceUnderTest service, BenchDatabase database,
        OdooLatencyTracker tracker, EventCounts eventsBefore)
    {
        tracker.TakeLatencies();
        meter.Restart();
        var from = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var sending = await new OdooChangeDriver(options, odoo, tracker).RunAsync();
        var quiet = await tracker.WaitAllAppliedAsync(TimeSpan.FromSeconds(options.QuiescenceTimeoutSeconds));
        var quiescence = Stopwatch.GetElapsedTime(sending.SendEndedAt);
        var duration = Stopwatch.GetElapsedTime(started);
        var resources = meter.Read();
        var to = DateTimeOffset.UtcNow;
        var latencies = tracker.TakeLatencies();
        return new OdooChangePhaseResult(sending, latencies.ToDictionary(kv => kv.Key, kv => Percentiles.Of(kv.Value)),
            Percentiles.Of(latencies.Values.SelectMany(v => v).ToArray()), quiescence, !quiet, tracker.Outstanding, duration,
            OdooCallStats.From(odoo.Emulator.Calls, from, to), WebhookStats.From(odoo.Emulator.WebhookDeliveries, from, to),
            BulkCallStats.From(service.Emulator.Calls, from, to), (await database.CountEventsAsync()).Minus(eventsBefore), resources);
    }

    /// <summary>Cartona must equal Odoo for every variant. When it does not, waits up to a poll interval to see
    /// whether the poller heals it (reported separately: the first check decides).</summary>
    private async Task<OdooVerification> VerifyAsync(BenchDatabaseKind kind, OdooSide odoo, ServiceUnderTest service)
    {
        var truth = odoo.ReadTruth();
        var examples = new List<string>();
        var mismatches = odoo.Mismatches(service.Emulator.Catalog, truth, examples);
        if (mismatches == 0) return new OdooVerification(options.Variants, 0, [], 0, TimeSpan.Zero, null);

        Progress($"{kind}: {mismatches} variants differ from Odoo; waiting up to {HealWait.TotalSeconds:0} s for the poller");
        var started = Stopwatch.GetTimestamp();
        var left = mismatches;
        while (Stopwatch.GetElapsedTime(started) < HealWait && left > 0)
        {
            await Task.Delay(1000);
            left = odoo.Mismatches(service.Emulator.Catalog, truth);
        }
        var waited = Stopwatch.GetElapsedTime(started);
        return new OdooVerification(options.Variants, mismatches, examples.ToArray(), left, waited, left == 0 ? waited : null);
    }

    private void Progress(string message) =>
        logs.Report.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
