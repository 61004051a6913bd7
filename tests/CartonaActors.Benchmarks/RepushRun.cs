using System.Diagnostics;
using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>
/// The repush scenario: N variants loaded from Odoo (phase 1, as onboard), then a forced re-push of every listed
/// product (<c>POST /api/connections/cartona/sync-all</c>), timed until the service reports nothing remaining and
/// Cartona has applied that many items; products started during it (<c>/api/engine/stats</c>) must stay 0.
/// </summary>
public sealed class RepushRun(BenchOptions options, TextWriter report)
{
    public async Task<RepushResult> RunAsync(BenchDatabaseKind kind, ServiceMeter meter)
    {
        await using var database = await BenchDatabase.CreateAsync(kind);
        await using var w = await OdooWorld.StartAsync(options.Products, database, meter, m => Progress($"{kind}: {m}"));
        Progress($"{kind}: phase 1, catalog load of {options.Products} variants");
        var load = await CatalogLoad.KnownProductsAsync(w, options, report, $"{kind} onboard");

        Progress($"{kind}: phase 2, sync-all of connection {BenchWorld.Connection}");
        var startedBefore = await w.Api.ProductsStartedAsync();
        var eventsBefore = await database.CountEventsAsync();
        var appliedBefore = w.World.Applied;
        meter.Restart();
        var from = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var total = await w.Api.SyncAllAsync(BenchWorld.Connection);
        var remaining = total;
        var timedOut = false;
        await using (new ProgressTicker(report, $"{kind} repush", w.World, () => Task.FromResult($"sync-all remaining {remaining}/{total}")))
        {
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            while (remaining > 0 || w.World.Applied - appliedBefore < total)
            {
                await tick.WaitForNextTickAsync();
                remaining = (await w.Api.ConnectionAsync(BenchWorld.Connection)).SyncAll?.Remaining ?? 0;
                if (Stopwatch.GetElapsedTime(started).TotalSeconds > options.LoadTimeoutSeconds)
                {
                    timedOut = true;
                    break;
                }
            }
        }
        var time = Stopwatch.GetElapsedTime(started);
        var resources = meter.Read();
        var calls = BulkCallStats.From(w.World.Emulator.Calls, from, DateTimeOffset.UtcNow);
        var woken = await w.Api.ProductsStartedAsync() - startedBefore;
        var events = await database.CountEventsAsync(since: eventsBefore);
        var mismatches = w.Mismatches();

        BaselineResult? baseline = null;
        if (options.Baseline)
        {
            Progress($"{kind}: baseline, {options.Products} items one call each for at most {options.BaselineSeconds} s");
            baseline = await ItemsBaseline.RunAsync(w.World, options, Enumerable.Range(1, options.Products).ToArray());
        }
        Progress($"{kind}: stopping");
        return new RepushResult(kind, database.Description, load, total, (int)(w.World.Applied - appliedBefore), time, timedOut, woken, calls,
            events, resources, mismatches, baseline, ServiceLog.Summarize(w.World.LogFiles), w.World.LogDir);
    }

    private void Progress(string message) => report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}

/// <param name="Total">Products the service said it would send again.</param>
/// <param name="Applied">Items Cartona applied from the sync-all until it was done (at least Total).</param>
/// <param name="Woken">Products started while the sync-all ran (the design says none).</param>
public sealed record RepushResult(
    BenchDatabaseKind Kind, string Database, OdooLoadResult Load, int Total, int Applied, TimeSpan Time, bool TimedOut, long Woken,
    BulkCallStats Calls, EventCounts Events, ServiceUse Resources, int Mismatches, BaselineResult? Baseline, LogSummary Log, string LogDir)
{
    public bool Failed => TimedOut || Mismatches > 0 || Woken > 0;
}
