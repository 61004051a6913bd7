using System.Diagnostics;
using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>One database's run: fresh journal, emulator and service, phase 1 (link), phase 2 (steady changes),
/// quiescence and verification.</summary>
public sealed class BenchRun(BenchOptions options, LogCapture logs, ResourceMeter meter)
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    public async Task<RunResult> RunAsync(BenchDatabaseKind kind)
    {
        await using var database = await BenchDatabase.CreateAsync(kind);
        var tracker = new LatencyTracker(options.Products, options.Hot);
        var log = new ChangeLog(options.Products);
        logs.Take();
        Progress($"{kind}: starting emulator and service on {database.Description}");

        await using var service = await ServiceUnderTest.StartAsync(options.Products, database, tracker);
        using var ingress = new IngressClient(service.Root);
        var readyStarted = Stopwatch.GetTimestamp();
        await ServiceUnderTest.WaitReadyAsync(ingress, ReadyTimeout);
        var ready = Stopwatch.GetElapsedTime(readyStarted);
        var driver = new LoadDriver(options, ingress, log, tracker);
        var timeout = TimeSpan.FromSeconds(options.QuiescenceTimeoutSeconds);

        Progress($"{kind}: phase 1, linking {options.Products} products");
        meter.Restart();
        var linkFrom = DateTimeOffset.UtcNow;
        var linkStarted = Stopwatch.GetTimestamp();
        await driver.LinkAllAsync();
        var ingressTime = Stopwatch.GetElapsedTime(linkStarted);
        var linkedAll = await tracker.WaitAllAppliedAsync(timeout);
        var allApplied = Stopwatch.GetElapsedTime(linkStarted);
        var linkTo = DateTimeOffset.UtcNow;
        var linkEvents = await database.CountEventsAsync();
        var link = new LinkResult(options.Products, ingress.TakeStats(), ingressTime, allApplied, !linkedAll, tracker.Outstanding,
            Percentiles.Of(tracker.TakeLatencies().All), BulkCallStats.From(service.Emulator.Calls, linkFrom, linkTo), linkEvents, meter.Read());

        SteadyPhaseResult? steady = null;
        Verification? verification = null;
        if (linkedAll)
        {
            Progress($"{kind}: phase 2, {options.Rate} changes/s for {options.Seconds} s");
            meter.Restart();
            var steadyFrom = DateTimeOffset.UtcNow;
            var steadyStarted = Stopwatch.GetTimestamp();
            var sending = await driver.RunSteadyAsync();
            var quiet = await tracker.WaitAllAppliedAsync(timeout);
            var quiescence = Stopwatch.GetElapsedTime(sending.SendEndedAt);
            var duration = Stopwatch.GetElapsedTime(steadyStarted);
            var resources = meter.Read();
            var steadyTo = DateTimeOffset.UtcNow;
            var events = (await database.CountEventsAsync()).Minus(linkEvents);
            var latencies = tracker.TakeLatencies();
            steady = new SteadyPhaseResult(sending, ingress.TakeStats(), Percentiles.Of(latencies.All),
                Percentiles.Of(latencies.Hot), Percentiles.Of(latencies.Cold), quiescence, !quiet,
                tracker.Outstanding, duration, BulkCallStats.From(service.Emulator.Calls, steadyFrom, steadyTo), events, resources);
        }
        verification = Verify(service, log);
        Progress($"{kind}: stopping");
        return new RunResult(kind, database.Description, service.Startup, ready, link, steady, verification, logs.Take(), logs.Path);
    }

    /// <summary>Every product's price and stock on the marketplace must be those of the last change the service accepted.</summary>
    private Verification Verify(ServiceUnderTest service, ChangeLog log)
    {
        var mismatches = 0;
        var examples = new List<string>();
        for (var p = 1; p <= options.Products; p++)
        {
            var product = service.Emulator.Catalog.TryGet(p.ToString(CultureInfo.InvariantCulture));
            var problem = product is null ? $"product {p}: missing on the marketplace"
                : log.Verify(p, PriceCode.Decode(product.SellingPrice), product.AvailableStockQuantity);
            if (problem is null) continue;
            mismatches++;
            if (examples.Count < 5) examples.Add(problem);
        }
        return new Verification(options.Products, mismatches, examples.ToArray());
    }

    private void Progress(string message) =>
        logs.Report.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
