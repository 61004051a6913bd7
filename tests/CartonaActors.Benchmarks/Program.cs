using CartonaActors.Benchmarks;

// Load benchmark of the service: see BenchOptions.Usage. The service runs as its own process(es), measured alone
// from /proc; this process hosts the emulators (Cartona, Odoo; in the platforms scenario each platform's), the load driver
// and the baseline.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
    foreach (var kind in options.Databases) BenchDatabase.CheckAvailable(kind);
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine($"bench: {ex.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var exitCode = 0;
foreach (var kind in options.Databases)
{
    var file = new ResultFile(options.ResultsFolder, options.Scenario.ToString().ToLowerInvariant(), kind.ToString());
    var report = file.Writer;
    Report.Header(report, options);
    await using var meter = new ServiceMeter();
    try
    {
        var failed = await RunAsync(kind, report, file, meter);
        if (failed) exitCode = Math.Max(exitCode, 1);
    }
    catch (Exception ex)
    {
        report.WriteLine($"=== {kind}: FAILED: {ex.GetType().Name}: {ex.Message}");
        file.Add("failed", ex.GetType().Name);
        exitCode = Math.Max(exitCode, 3);
    }
    report.WriteLine($"results: {file.Save()}");
}
return exitCode;

async Task<bool> RunAsync(BenchDatabaseKind kind, TextWriter report, ResultFile file, ServiceMeter meter)
{
    switch (options.Scenario)
    {
        case BenchScenario.Onboard:
        {
            var r = await new OnboardRun(options, report).RunAsync(kind, meter);
            OdooReport.Run(report, r, options);
            if (r.Baseline is { } b)
                OdooReport.ItemsBaseline(report, CatalogLoad.Throughput(r.Load.Variants, r.Load.AllOnCartonaTime).ItemsPerSecond, b);
            OdooReport.Results(file, r);
            return r.Failed;
        }
        case BenchScenario.Repush:
        {
            var r = await new RepushRun(options, report).RunAsync(kind, meter);
            RepushReport.Run(report, r);
            RepushReport.Results(file, r);
            return r.Failed;
        }
        case BenchScenario.Restart:
        {
            var r = await new RestartRun(options, report).RunAsync(kind, meter);
            RestartReport.Run(report, r);
            RestartReport.Results(file, r);
            return r.Failed;
        }
        case BenchScenario.SyncLog:
        {
            var r = await new SyncLogRun(options, report).RunAsync(kind);
            file.Add("rows", r.Rows);
            file.Add("fill_s", r.FillSeconds, "0.0");
            foreach (var t in r.Timings) file.Add("ms_" + t.Query.Split(' ')[0].Replace('+', '_'), t.MedianMs, "0.0");
            file.Add("under_100ms", r.Failed ? "no" : "yes");
            return r.Failed;
        }
        case BenchScenario.Platforms:
        {
            var r = await new PlatformsRun(options, report).RunAsync(kind, meter);
            PlatformsReport.Run(report, r);
            PlatformsReport.Results(file, r);
            return r.Failed;
        }
        default:
        {
            var r = await new ChangesRun(options, report).RunAsync(kind, meter);
            Report.Run(report, r, options);
            if (r is { Steady: { } s, Baseline: { } b }) Report.Baseline(report, s, b);
            Report.Results(file, r);
            return r.Failed;
        }
    }
}
