using System.Diagnostics;
using System.Globalization;
using CartonaActors.Testing;

namespace CartonaActors.Benchmarks;

/// <summary>
/// The platforms scenario: for each platform in turn, a fresh journal, that platform's emulator at its published
/// limits seeded with the N listings, and one service process with one connection to it; N products linked through
/// the ingress (64 at a time, as the changes scenario links), timed from the first PUT until the emulator shows every
/// product's price and quantity, at most --load-timeout s; then the service is stopped before the next platform.
/// </summary>
public sealed class PlatformsRun(BenchOptions options, TextWriter report)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>Product N is sent at a price carrying N (see <see cref="PriceCode"/>) and this quantity in WH1.</summary>
    public static int Quantity(int product) => 1 + product % 50;

    public async Task<PlatformsResult> RunAsync(BenchDatabaseKind kind, ServiceMeter meter)
    {
        var results = new List<PlatformResult>();
        string database = "";
        foreach (var platform in options.Platforms)
        {
            await using var db = await BenchDatabase.CreateAsync(kind);
            database = db.Description;
            try
            {
                results.Add(await RunOneAsync(platform, db, meter, $"{kind} {platform.ToString().ToLowerInvariant()}"));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Progress($"{kind} {platform}: FAILED: {ex.GetType().Name}: {ex.Message}");
                results.Add(PlatformResult.Broken(platform, options.Products, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }
        return new PlatformsResult(kind, kind == BenchDatabaseKind.Sqlite ? "a fresh SQLite file per platform" : database, results);
    }

    private async Task<PlatformResult> RunOneAsync(BenchPlatform platform, BenchDatabase database, ServiceMeter meter, string label)
    {
        var n = options.Products;
        Progress($"{label}: starting the emulator, seeding {n} listings");
        await using var side = await PlatformSides.StartAsync(platform, n);
        var connection = side.ConnectionSettings["Name"];
        var ports = FreePorts.Take(2);
        var root = new Uri($"http://127.0.0.1:{ports[0]}/");
        var settings = BenchWorld.ServiceSettings(database);
        settings["CartonaActors__Cluster__Port"] = ports[1].ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in side.ConnectionSettings) settings[BenchWorld.ConnectionKey + key] = value;
        settings[BenchWorld.ConnectionKey + "PullOrders"] = "false";
        var logFile = Path.Combine(Directory.CreateTempSubdirectory("cartona-bench-logs-").FullName, $"{platform.ToString().ToLowerInvariant()}.log");

        Progress($"{label}: starting the service on {database.Description}; emulator limits: {side.Limits}");
        await using var node = ServiceProcess.Start(platform.ToString().ToLowerInvariant(), settings, root, logFile);
        meter.Watch(node.Pid);
        var readyFrom = Stopwatch.GetTimestamp();
        await node.WaitReadyAsync(BenchWorld.ReadyWithin);
        var ready = Stopwatch.GetElapsedTime(readyFrom);

        using var ingress = new IngressClient([root], _ => !node.HasExited, side.Listing);
        using var api = new ServiceApi(root);
        var remaining = new HashSet<int>(Enumerable.Range(1, n));
        var shown = 0;
        Progress($"{label}: linking {n} products through the ingress, until the emulator shows them all (at most {options.LoadTimeoutSeconds} s)");
        meter.Restart();
        var started = Stopwatch.GetTimestamp();
        TimeSpan? ingressTime = null;
        var sending = Task.Run(async () =>
        {
            await Parallel.ForEachAsync(Enumerable.Range(1, n), new ParallelOptions { MaxDegreeOfParallelism = LoadDriver.LinkConcurrency },
                async (p, _) => await ingress.PutAsync(p, p, Quantity(p), link: true));
            ingressTime = Stopwatch.GetElapsedTime(started);
        });
        var timedOut = false;
        TimeSpan time;
        await using (new ProgressTicker(report, label, () => Volatile.Read(ref shown), meter, async () =>
                     {
                         var sendingNote = ingressTime is null ? ", ingress still sending" : "";
                         try
                         {
                             var c = await api.ConnectionAsync(connection);
                             return $"service waiting {c.Waiting}, in flight {c.InFlightItems}{sendingNote}";
                         }
                         catch (KeyNotFoundException)
                         {
                             return "connection state unreadable" + sendingNote;
                         }
                     }))
        {
            while (true)
            {
                var shows = side.ShowsNow();
                remaining.RemoveWhere(p => shows(p, PriceCode.Encode(p), Quantity(p)));
                Volatile.Write(ref shown, n - remaining.Count);
                time = Stopwatch.GetElapsedTime(started);
                if (remaining.Count == 0) break;
                if (time.TotalSeconds > options.LoadTimeoutSeconds || node.HasExited)
                {
                    timedOut = true;
                    break;
                }
                await Task.Delay(PollEvery);
            }
        }
        var resources = meter.Read();
        var exited = node.HasExited; // before the stop below, which ends it anyway
        var calls = side.Calls();
        var detail = side.Detail();
        if (!sending.IsCompleted) Progress($"{label}: the ingress is still sending; waiting for it before stopping");
        await sending;
        var ingressStats = ingress.TakeStats();
        Progress($"{label}: {(timedOut ? $"NOT FINISHED: {n - remaining.Count} of {n} shown" : "all shown")} after {Fmt.S(time)}; stopping the service");
        try
        {
            await node.StopAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            // Killed on dispose; the log keeps what it said.
        }
        return new PlatformResult(platform, side.Limits, n, ready, ingressStats, ingressTime ?? time, n - remaining.Count, time, !timedOut, calls,
            resources, ServiceLog.Summarize([logFile]), logFile, detail, exited ? "the service process exited" : null);
    }

    private void Progress(string message) => report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}

/// <param name="Shown">Products the emulator showed with the price and quantity sent when the run ended.</param>
/// <param name="Time">From the first ingress PUT until all were shown (or until the run gave up).</param>
/// <param name="Failure">Why the platform's run broke off, when it did.</param>
public sealed record PlatformResult(
    BenchPlatform Platform, string Limits, int Products, TimeSpan Ready, IngressStats Ingress, TimeSpan IngressTime, int Shown, TimeSpan Time,
    bool Finished, PlatformCalls Calls, ServiceUse Resources, LogSummary Log, string LogFile, string? Detail, string? Failure)
{
    public double ItemsPerWrite => Calls.Writes > 0 ? (double)Shown / Calls.Writes : 0;

    public static PlatformResult Broken(BenchPlatform platform, int products, string failure) =>
        new(platform, "", products, TimeSpan.Zero, new IngressStats(0, 0, null, []), TimeSpan.Zero, 0, TimeSpan.Zero, false,
            new PlatformCalls(new Dictionary<string, int>(), 0, 0), new ServiceUse(0, 0, TimeSpan.Zero, TimeSpan.Zero), new LogSummary(0, 0, []), "", null, failure);
}

public sealed record PlatformsResult(BenchDatabaseKind Kind, string Database, IReadOnlyList<PlatformResult> Platforms)
{
    public bool Failed => Platforms.Any(p => !p.Finished || p.Failure is not null || p.Ingress.Errors > 0);
}
