using System.Diagnostics;
using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>
/// The changes scenario (and, with 3 nodes, the cluster scenario): fresh journal, emulator and service process(es);
/// phase 1 links every product through the ingress, phase 2 sends changes at a fixed rate (in the cluster scenario
/// node 2 is SIGKILLed at --kill-at and stays down), then quiescence and verification; then, with --baseline, the
/// same change stream pushed the old module's way.
/// </summary>
public sealed class ChangesRun(BenchOptions options, TextWriter report)
{
    public async Task<RunResult> RunAsync(BenchDatabaseKind kind, ServiceMeter meter)
    {
        var nodes = options.Scenario == BenchScenario.Cluster ? 3 : 1;
        await using var database = await BenchDatabase.CreateAsync(kind);
        var tracker = new LatencyTracker(options.Products, options.Hot);
        var log = new ChangeLog(options.Products);
        Progress($"{kind}: starting the Cartona emulator and {nodes} service process(es) on {database.Description}");
        await using var world = await BenchWorld.StartAsync(options.Products, database, meter, nodes);
        world.OnApplied = (item, now) =>
        {
            if (int.TryParse(item.InternalProductId, NumberStyles.None, CultureInfo.InvariantCulture, out var product))
                tracker.Applied(product, PriceCode.Decode(item.SellingPrice), now);
        };
        var ready = await world.StartAllAsync();
        using var ingress = new IngressClient(world);
        var driver = new LoadDriver(options, ingress, log, tracker);
        var timeout = TimeSpan.FromSeconds(options.QuiescenceTimeoutSeconds);

        Progress($"{kind}: phase 1, linking {options.Products} products");
        meter.Restart();
        var linkFrom = DateTimeOffset.UtcNow;
        var linkStarted = Stopwatch.GetTimestamp();
        bool linkedAll;
        TimeSpan ingressTime, allApplied;
        await using (new ProgressTicker(report, $"{kind} link", world))
        {
            await driver.LinkAllAsync();
            ingressTime = Stopwatch.GetElapsedTime(linkStarted);
            linkedAll = await tracker.WaitAllAppliedAsync(timeout);
            allApplied = Stopwatch.GetElapsedTime(linkStarted);
        }
        var linkTo = DateTimeOffset.UtcNow;
        var linkEvents = await database.CountEventsAsync();
        var link = new LinkResult(options.Products, ingress.TakeStats(), ingressTime, allApplied, !linkedAll, tracker.Outstanding,
            Percentiles.Of(tracker.TakeLatencies().All), BulkCallStats.From(world.Emulator.Calls, linkFrom, linkTo), linkEvents, meter.Read());

        SteadyPhaseResult? steady = null;
        TimeSpan? killedAt = null;
        if (linkedAll)
        {
            Progress($"{kind}: phase 2, {options.Rate} changes/s for {options.Seconds} s" +
                     (nodes > 1 ? $", node 2 SIGKILLed at {options.KillAt} s" : ""));
            meter.Restart();
            var steadyFrom = DateTimeOffset.UtcNow;
            var steadyStarted = Stopwatch.GetTimestamp();
            SteadyResult sending;
            bool quiet;
            await using (new ProgressTicker(report, $"{kind} changes", world))
            {
                var load = driver.RunSteadyAsync();
                if (nodes > 1)
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.KillAt));
                    await world.KillAsync(2);
                    killedAt = Stopwatch.GetElapsedTime(steadyStarted);
                    Progress($"{kind}: node 2 SIGKILLed at {killedAt.Value.TotalSeconds:0.0} s");
                }
                sending = await load;
                quiet = await tracker.WaitAllAppliedAsync(timeout);
            }
            var quiescence = Stopwatch.GetElapsedTime(sending.SendEndedAt);
            var duration = Stopwatch.GetElapsedTime(steadyStarted);
            var resources = meter.Read();
            var steadyTo = DateTimeOffset.UtcNow;
            var events = await database.CountEventsAsync(since: linkEvents);
            var latencies = tracker.TakeLatencies();
            steady = new SteadyPhaseResult(sending, ingress.TakeStats(), Percentiles.Of(latencies.All),
                Percentiles.Of(latencies.Hot), Percentiles.Of(latencies.Cold), quiescence, !quiet,
                tracker.Outstanding, duration, BulkCallStats.From(world.Emulator.Calls, steadyFrom, steadyTo), events, resources);
        }
        var verification = await VerifyAsync(world, log);
        BaselineResult? baseline = null;
        if (options.Baseline && steady is not null)
        {
            Progress($"{kind}: baseline, the same {options.Rate} changes/s for {options.Seconds} s, one call per change " +
                     $"({options.BaselineWorkers} workers, 429 retried after {options.BaselineRetrySeconds} s), cut off {options.QuiescenceTimeoutSeconds} s after the last");
            baseline = await RunBaselineAsync(world);
        }
        Progress($"{kind}: stopping");
        return new RunResult(kind, database.Description, nodes, ready, killedAt, link, steady, verification, baseline,
            ServiceLog.Summarize(world.LogFiles), world.LogDir);
    }

    /// <summary>The same change stream (same seed, rate and duration) as one-item calls from a queue.</summary>
    private async Task<BaselineResult> RunBaselineAsync(BenchWorld world)
    {
        var tracker = new LatencyTracker(options.Products, options.Hot);
        world.OnApplied = (item, now) =>
        {
            if (int.TryParse(item.InternalProductId, NumberStyles.None, CultureInfo.InvariantCulture, out var product))
                tracker.Applied(product, PriceCode.Decode(item.SellingPrice), now);
        };
        var total = (long)options.Rate * options.Seconds;
        var ticksPerChange = (double)Stopwatch.Frequency / options.Rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var endOfSchedule = start + (long)(total * ticksPerChange);
        var cutoff = endOfSchedule + options.QuiescenceTimeoutSeconds * Stopwatch.Frequency;

        async IAsyncEnumerable<BaselineJob> Schedule()
        {
            var picker = new ChangePicker(options);
            var stock = Enumerable.Repeat(LoadDriver.InitialStock, options.Products + 1).ToArray();
            for (long i = 0; i < total; i++)
            {
                var (product, newStock) = picker.Next();
                if (newStock is { } s) stock[product] = s;
                // Sequence numbers above the engine run's, so every baseline price is new on the marketplace.
                yield return new BaselineJob(product, 10_000_000 + i, stock[product], start + (long)(i * ticksPerChange));
                if (i % 64 == 0) await Task.Yield();
            }
        }

        return await new OldModuleBaseline(world, options).RunAsync(Schedule(), tracker, () => cutoff);
    }

    /// <summary>Every product's price and stock on the marketplace must be those of the last change the service accepted.</summary>
    private async Task<Verification> VerifyAsync(BenchWorld world, ChangeLog log)
    {
        var mismatches = 0;
        var examples = new List<string>();
        using var http = new HttpClient { BaseAddress = world.Root(0), Timeout = TimeSpan.FromSeconds(10) };
        for (var p = 1; p <= options.Products; p++)
        {
            var product = world.Emulator.Catalog.TryGet(p.ToString(CultureInfo.InvariantCulture));
            var problem = product is null ? $"product {p}: missing on the marketplace"
                : log.Verify(p, PriceCode.Decode(product.SellingPrice), product.AvailableStockQuantity);
            if (problem is null) continue;
            mismatches++;
            if (examples.Count >= 5) continue;
            // What the service itself says of the product: its values, its offers and each slice's bookkeeping.
            string state;
            try { state = await http.GetStringAsync($"api/products/{p}"); }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { state = ex.Message; }
            examples.Add(problem + Environment.NewLine + "      service: " + state);
        }
        return new Verification(options.Products, mismatches, examples.ToArray());
    }

    private void Progress(string message) => report.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
