using System.Diagnostics;
using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>
/// The onboard scenario: an Odoo 18 emulator with N variants in WH1 and WH2, the Cartona emulator, the service
/// process connected to both; phase 1 the full catalog load (items/s onto Cartona against the 5 × 1000 ceiling),
/// phase 2 changes made in Odoo at a fixed rate (skipped with --seconds 0), then quiescence and verification.
/// </summary>
public sealed class OnboardRun(BenchOptions options, TextWriter report)
{
    private static readonly TimeSpan HealWait = TimeSpan.FromSeconds(70); // a poll interval and some

    public async Task<OdooRunResult> RunAsync(BenchDatabaseKind kind, ServiceMeter meter)
    {
        await using var database = await BenchDatabase.CreateAsync(kind);
        await using var w = await OdooWorld.StartAsync(options.Products, database, meter, m => Progress($"{kind}: {m}"));

        Progress($"{kind}: phase 1, catalog load of {options.Products} variants");
        var load = await CatalogLoad.RunAsync(w, options, report, $"{kind} onboard");

        OdooChangePhaseResult? changes = null;
        OdooVerification? verification = null;
        if (load.Complete && options.Seconds > 0)
        {
            Progress($"{kind}: phase 2, {options.Rate} Odoo changes/s for {options.Seconds} s");
            changes = await ChangeAsync(w, load.Events);
        }
        if (load.Complete) verification = await VerifyAsync(kind, w);
        BaselineResult? baseline = null;
        if (options.Baseline)
        {
            Progress($"{kind}: baseline, {options.Products} items one call each for at most {options.BaselineSeconds} s");
            baseline = await ItemsBaseline.RunAsync(w.World, options, Enumerable.Range(1, options.Products).ToArray());
        }
        Progress($"{kind}: stopping");
        return new OdooRunResult(kind, database.Description, w.Odoo.SeedTime, w.Ready, load, changes, verification, baseline,
            ServiceLog.Summarize(w.World.LogFiles), w.World.LogDir);
    }

    private async Task<OdooChangePhaseResult> ChangeAsync(OdooWorld w, EventCounts eventsBefore)
    {
        var (odoo, world, tracker) = (w.Odoo, w.World, w.Tracker);
        tracker.TakeLatencies();
        world.Meter.Restart();
        var from = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        OdooSteadyResult sending;
        bool quiet;
        await using (new ProgressTicker(report, "odoo changes", world))
        {
            sending = await new OdooChangeDriver(options, odoo, tracker).RunAsync();
            quiet = await tracker.WaitAllAppliedAsync(TimeSpan.FromSeconds(options.QuiescenceTimeoutSeconds));
        }
        var quiescence = Stopwatch.GetElapsedTime(sending.SendEndedAt);
        var duration = Stopwatch.GetElapsedTime(started);
        var resources = world.Meter.Read();
        var to = DateTimeOffset.UtcNow;
        var latencies = tracker.TakeLatencies();
        return new OdooChangePhaseResult(sending, latencies.ToDictionary(kv => kv.Key, kv => Percentiles.Of(kv.Value)),
            Percentiles.Of(latencies.Values.SelectMany(v => v).ToArray()), quiescence, !quiet, tracker.Outstanding, duration,
            OdooCallStats.From(odoo.Emulator.Calls, from, to), WebhookStats.From(odoo.Emulator.WebhookDeliveries, from, to),
            BulkCallStats.From(world.Emulator.Calls, from, to), await world.Database.CountEventsAsync(since: eventsBefore), resources);
    }

    /// <summary>Cartona must equal Odoo for every variant. When it does not, waits up to a poll interval to see
    /// whether the poller heals it (reported separately: the first check decides).</summary>
    private async Task<OdooVerification> VerifyAsync(BenchDatabaseKind kind, OdooWorld w)
    {
        var examples = new List<string>();
        var mismatches = w.Mismatches(examples);
        if (mismatches == 0) return new OdooVerification(options.Products, 0, [], 0, TimeSpan.Zero, null);

        Progress($"{kind}: {mismatches} variants differ from Odoo; waiting up to {HealWait.TotalSeconds:0} s for the poller");
        var started = Stopwatch.GetTimestamp();
        var left = mismatches;
        while (Stopwatch.GetElapsedTime(started) < HealWait && left > 0)
        {
            await Task.Delay(1000);
            left = w.Mismatches();
        }
        var waited = Stopwatch.GetElapsedTime(started);
        return new OdooVerification(options.Products, mismatches, examples.ToArray(), left, waited, left == 0 ? waited : null);
    }

    private void Progress(string message) => report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}
