using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CartonaActors.Benchmarks;

/// <summary>The full catalog load (<c>POST /api/erp/catalog-load</c>) of an Odoo world, timed until the service
/// reports it done and until Cartona equals Odoo for every variant; the first phase of onboard, repush and restart.</summary>
public static class CatalogLoad
{
    public static async Task<OdooLoadResult> RunAsync(OdooWorld w, BenchOptions options, TextWriter report, string label)
    {
        var (odoo, world, api) = (w.Odoo, w.World, w.Api);
        var expected = odoo.ReadTruth();
        var n = options.Products;
        world.Meter.Restart();
        var from = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        await api.StartCatalogLoadAsync();

        TimeSpan? loaded = null, serverLoad = null, onCartona = null;
        var timedOut = false;
        int total = 0, read = 0, mismatches = n;
        string? lastError = null;
        await using (new ProgressTicker(report, label, world, () => Task.FromResult($"Odoo read {read}/{total}, on Cartona {n - mismatches}/{n}")))
        {
            using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (true)
            {
                await tick.WaitForNextTickAsync();
                var elapsed = Stopwatch.GetElapsedTime(started);
                var progress = await api.CatalogLoadAsync();
                total = progress.GetProperty("total").GetInt32();
                read = progress.GetProperty("read").GetInt32();
                lastError = progress.TryGetProperty("lastError", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : lastError;
                if (loaded is null && !progress.GetProperty("running").GetBoolean() && progress.GetProperty("completedAt").ValueKind == JsonValueKind.String)
                {
                    loaded = elapsed;
                    serverLoad = progress.GetProperty("completedAt").GetDateTimeOffset() - progress.GetProperty("startedAt").GetDateTimeOffset();
                }
                // Comparing a million variants costs this process a second or so: only once the service has read them all.
                if (read >= n || loaded is not null) mismatches = odoo.Mismatches(world.Emulator.Catalog, expected);
                if (mismatches == 0 && onCartona is null)
                    onCartona = Stopwatch.GetElapsedTime(started, Math.Max(started, w.Tracker.LastAppliedAt));
                if (loaded is not null && onCartona is not null) break;
                if (elapsed.TotalSeconds > options.LoadTimeoutSeconds)
                {
                    timedOut = true;
                    break;
                }
            }
        }
        var to = DateTimeOffset.UtcNow;
        var resources = world.Meter.Read();
        var examples = new List<string>();
        if (mismatches > 0) mismatches = odoo.Mismatches(world.Emulator.Catalog, expected, examples);
        return new OdooLoadResult(n, total, read, loaded, serverLoad, onCartona, timedOut, mismatches, examples.ToArray(), lastError,
            OdooCallStats.From(odoo.Emulator.Calls, from, to), WebhookStats.From(odoo.Emulator.WebhookDeliveries, from, to),
            BulkCallStats.From(world.Emulator.Calls, from, to), await world.Database.CountEventsAsync(), resources);
    }

    /// <summary>N known products, the starting point of repush and restart: the load must complete and the
    /// connection fall quiet.</summary>
    public static async Task<OdooLoadResult> KnownProductsAsync(OdooWorld w, BenchOptions options, TextWriter report, string label)
    {
        var load = await RunAsync(w, options, report, label);
        if (!load.Complete) throw new InvalidOperationException($"the catalog load did not complete ({load.Mismatches} variants differ)");
        await Until.QuietAsync(w.Api, TimeSpan.FromSeconds(options.QuiescenceTimeoutSeconds));
        return load;
    }

    /// <summary>Items per second onto Cartona and the share of the emulator's ceiling (5 calls/s × 1000 items).</summary>
    public static (double ItemsPerSecond, double OfCeiling) Throughput(int items, TimeSpan? time) =>
        time is { TotalSeconds: > 0 } t ? (items / t.TotalSeconds, items / t.TotalSeconds / 5000) : (0, 0);

    /// <summary>A run's header and the line of the catalog load that made its products known.</summary>
    public static void WriteHeader(TextWriter w, BenchDatabaseKind kind, string database, string loadPhase, OdooLoadResult load)
    {
        w.WriteLine();
        w.WriteLine($"=== {kind}: {database} ===");
        w.WriteLine($"-- {loadPhase}catalog load of {load.Variants} variants: " +
                    (load.AllOnCartonaTime is { } t ? $"{Fmt.S(t)}, {Describe(load.Variants, t)}" : "NOT COMPLETE"));
    }

    public static string Describe(int items, TimeSpan? time)
    {
        var (rate, share) = Throughput(items, time);
        return string.Create(CultureInfo.InvariantCulture, $"{rate:0} items/s, {share:P0} of the 5,000/s ceiling");
    }
}
