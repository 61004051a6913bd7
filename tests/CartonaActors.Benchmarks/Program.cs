using CartonaActors.Benchmarks;

// Load benchmark of the whole service: see BenchOptions.Usage. The process hosts the Cartona emulator, the service
// and the load driver (and, in the odoo scenario, the Odoo emulator), so CPU and memory figures cover them all.
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

var logFolder = Directory.CreateTempSubdirectory("cartona-bench-logs-").FullName;
using var logs = new LogCapture(Path.Combine(logFolder, "service.log"));
await using var meter = new ResourceMeter();
var report = logs.Report;
Report.Header(report, options);

var exitCode = 0;
foreach (var kind in options.Databases)
{
    try
    {
        if (options.Scenario == BenchScenario.Odoo)
        {
            var result = await new OdooBenchRun(options, logs, meter).RunAsync(kind);
            OdooReport.Run(report, result, options);
            if (result.Failed) exitCode = Math.Max(exitCode, 1);
        }
        else
        {
            var result = await new BenchRun(options, logs, meter).RunAsync(kind);
            Report.Run(report, result, options);
            if (result.Verification is not { Mismatches: 0 } || result.Steady is null || result.Steady.TimedOut) exitCode = Math.Max(exitCode, 1);
        }
    }
    catch (Exception ex)
    {
        report.WriteLine($"=== {kind}: FAILED: {ex.GetType().Name}: {ex.Message}");
        report.WriteLine($"    service log: {logs.Path}");
        exitCode = Math.Max(exitCode, 3);
    }
    report.Flush();
}
return exitCode;
