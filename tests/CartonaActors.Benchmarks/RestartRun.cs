using System.Diagnostics;
using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>
/// The restart scenario: N variants loaded from Odoo; then Cartona answers 503 to every bulk update while
/// --pending list-price changes are made in Odoo, the service is SIGKILLed with that work pending and started
/// again on the same journal (Cartona healthy again): time to ready, until every pending change is on Cartona,
/// products started. Then, with nothing pending, SIGKILL and start once more: time to ready and products started.
/// </summary>
public sealed class RestartRun(BenchOptions options, TextWriter report)
{
    private const string BulkUpdate = "supplier-product/bulk-update";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public async Task<RestartResult> RunAsync(BenchDatabaseKind kind, ServiceMeter meter)
    {
        await using var database = await BenchDatabase.CreateAsync(kind);
        await using var w = await OdooWorld.StartAsync(options.Products, database, meter, m => Progress($"{kind}: {m}"));
        Progress($"{kind}: catalog load of {options.Products} variants");
        var load = await CatalogLoad.KnownProductsAsync(w, options, report, $"{kind} onboard");

        Progress($"{kind}: Cartona answers 503; {options.Pending} price changes in Odoo");
        w.World.Emulator.Faults.FailAll(503, BulkUpdate);
        await MakePendingAsync(w);
        var pendingAtKill = await WaitPendingAsync(w);
        Progress($"{kind}: {pendingAtKill} items pending; SIGKILL, Cartona healthy again, start on the same journal");
        await w.World.KillAsync(0);
        w.World.Emulator.Faults.Clear();
        meter.Restart();
        var launched = Stopwatch.GetTimestamp();
        TimeSpan ready, delivered;
        var drained = false;
        await using (new ProgressTicker(report, $"{kind} restart", w.World))
        {
            ready = await w.World.StartNodeAsync(0);
            drained = await WaitDeliveredAsync(w);
            delivered = Stopwatch.GetElapsedTime(launched, Math.Max(launched, w.Tracker.LastAppliedAt));
        }
        var pendingResources = meter.Read();
        var startedPending = await w.Api.ProductsStartedAsync();
        await Until.QuietAsync(w.Api, TimeSpan.FromSeconds(options.QuiescenceTimeoutSeconds));

        Progress($"{kind}: nothing pending; SIGKILL and start again");
        await w.World.KillAsync(0);
        meter.Restart();
        var idleReady = await w.World.StartNodeAsync(0);
        await Task.Delay(Settle);
        var idleResources = meter.Read();
        var startedIdle = await w.Api.ProductsStartedAsync();
        var mismatches = w.Mismatches();
        Progress($"{kind}: stopping");
        return new RestartResult(kind, database.Description, load, options.Pending, pendingAtKill, ready, delivered, !drained, startedPending,
            pendingResources, idleReady, startedIdle, idleResources, mismatches, ServiceLog.Summarize(w.World.LogFiles), w.World.LogDir);
    }

    /// <summary>Price changes of variants 1..pending, 16 Odoo transactions at a time (each posts its webhook).</summary>
    private async Task MakePendingAsync(OdooWorld w)
    {
        var odoo = w.Odoo;
        await Parallel.ForEachAsync(Enumerable.Range(1, options.Pending), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (variant, _) => await odoo.Emulator.SetListPriceAsync(odoo.Seed.TemplateIds[variant - 1], PriceCode.Encode(30_000_000 + variant)));
    }

    /// <summary>Until the connection holds the changes (waiting or refused in flight), at most 60 s; how many it holds.</summary>
    private static async Task<int> WaitPendingAsync(OdooWorld w)
    {
        var started = Stopwatch.GetTimestamp();
        var last = -1;
        var stableSince = started;
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60))
        {
            var pending = (await w.Api.ConnectionAsync(BenchWorld.Connection)).Pending;
            if (pending != last) (last, stableSince) = (pending, Stopwatch.GetTimestamp());
            // Settled: the debounce and the webhooks are done when the count stops moving for 2 s.
            else if (pending > 0 && Stopwatch.GetElapsedTime(stableSince) > TimeSpan.FromSeconds(2)) break;
            await Task.Delay(250);
        }
        return last;
    }

    private async Task<bool> WaitDeliveredAsync(OdooWorld w)
    {
        var started = Stopwatch.GetTimestamp();
        while (w.Mismatches() > 0)
        {
            if (Stopwatch.GetElapsedTime(started).TotalSeconds > options.QuiescenceTimeoutSeconds) return false;
            await Task.Delay(250);
        }
        return true;
    }

    private void Progress(string message) => report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}

/// <param name="PendingAtKill">Items the connection reported waiting or in flight just before the SIGKILL.</param>
/// <param name="Delivered">From launching the restarted process until the last pending change was on Cartona.</param>
/// <param name="StartedAfterPending">Products started by the restarted process until its pending work was delivered.</param>
/// <param name="StartedWhenIdle">Products started by a process restarted with nothing pending, 10 s after ready.</param>
public sealed record RestartResult(
    BenchDatabaseKind Kind, string Database, OdooLoadResult Load, int Changes, int PendingAtKill, TimeSpan Ready, TimeSpan Delivered,
    bool TimedOut, long StartedAfterPending, ServiceUse PendingResources, TimeSpan IdleReady, long StartedWhenIdle, ServiceUse IdleResources,
    int Mismatches, LogSummary Log, string LogDir)
{
    public bool Failed => TimedOut || Mismatches > 0;
}
