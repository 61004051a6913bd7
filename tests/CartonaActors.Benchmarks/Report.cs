using System.Globalization;
using System.Runtime.InteropServices;

namespace CartonaActors.Benchmarks;

/// <summary>The printed tables: machine and parameters once, then one compact block per database.</summary>
public static class Report
{
    public static void Header(TextWriter w, BenchOptions o)
    {
        w.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        if (o.Scenario == BenchScenario.Odoo)
        {
            OdooReport.Header(w, o);
            return;
        }
        w.WriteLine($"parameters: products {o.Products}, rate {o.Rate}/s, seconds {o.Seconds}, hot {o.Hot} products get {o.HotShare:P0} of changes, " +
                    $"databases {string.Join("+", o.Databases)}; Cartona limits 5 req/s, burst 10, 1000 items/call");
    }

    public static void Run(TextWriter w, RunResult r, BenchOptions o)
    {
        w.WriteLine();
        w.WriteLine($"=== {r.Kind}: {r.Database} ===");
        w.WriteLine($"startup                 service built+started {S(r.Startup)}, ready after {S(r.Ready)} more");

        var l = r.Link;
        w.WriteLine($"-- phase 1: link + first load of {l.Products} products (64 requests in flight)");
        w.WriteLine($"  ingress               {S(l.IngressTime)} ({Rate(l.Ingress.Ok, l.IngressTime)}/s), errors {l.Ingress.Errors}{FirstError(l.Ingress)}");
        w.WriteLine($"  on marketplace        all after {S(l.AllAppliedTime)} ({Rate(l.Products - l.Outstanding, l.AllAppliedTime)} products/s)" +
                    (l.TimedOut ? $"  TIMED OUT with {l.Outstanding} outstanding" : ""));
        w.WriteLine($"  send->marketplace ms  {Pct(l.Latency)}");
        w.WriteLine($"  ingress reply ms      {Pct(Percentiles.Of(l.Ingress.ReplyMs))}");
        w.WriteLine($"  bulk-update calls     {Calls(l.Calls)}");
        w.WriteLine($"  persisted events      {l.Events.Total} ({Rate(l.Events.Total, l.AllAppliedTime)}/s)");
        w.WriteLine($"    by type             {l.Events.Top(5)}");
        w.WriteLine($"  resources             {Res(l.Resources)}");

        if (r.Steady is { } s)
        {
            w.WriteLine($"-- phase 2: {o.Rate} changes/s for {o.Seconds} s (open loop, hot {o.Hot} get {o.HotShare:P0})");
            w.WriteLine($"  changes sent          {s.Sending.Sent} in {S(s.Sending.SendWindow)}, lagged (dropped, too many in flight) {s.Sending.Lagged}");
            w.WriteLine($"  ingress               {Rate(s.Ingress.Ok, s.Sending.SendWindow)}/s accepted, errors {s.Ingress.Errors}{FirstError(s.Ingress)}");
            w.WriteLine($"  ingress reply ms      {Pct(Percentiles.Of(s.Ingress.ReplyMs))}");
            w.WriteLine($"  change->marketplace ms {Pct(s.Latency)}");
            if (o.Hot > 0)
            {
                w.WriteLine($"    hot products only   {Pct(s.HotLatency)}");
                w.WriteLine($"    other products      {Pct(s.ColdLatency)}");
            }
            w.WriteLine($"  quiescence            {S(s.Quiescence)} after the last change" +
                        (s.TimedOut ? $"  TIMED OUT with {s.Outstanding} changes outstanding" : ""));
            w.WriteLine($"  bulk-update calls     {Calls(s.Calls)}");
            w.WriteLine($"  persisted events      {s.Events.Total} ({Rate(s.Events.Total, s.Duration)}/s over {S(s.Duration)}, " +
                        $"{(s.Sending.Sent > 0 ? (double)s.Events.Total / s.Sending.Sent : 0).ToString("0.00", CultureInfo.InvariantCulture)} per change sent)");
            w.WriteLine($"    by type             {s.Events.Top(5)}");
            w.WriteLine($"  resources             {Res(s.Resources)}");
        }
        else w.WriteLine("-- phase 2 skipped: phase 1 did not complete");

        w.WriteLine($"  service log           {r.Log.Warnings} warnings, {r.Log.Errors} errors (full log: {r.LogFile})");
        foreach (var e in r.Log.Examples) w.WriteLine($"    {e}");
        if (r.Verification is { } v)
        {
            w.WriteLine($"  verify                {v.Checked} products, MISMATCH {v.Mismatches}");
            foreach (var e in v.Examples) w.WriteLine($"    {e}");
        }
    }

    private static string S(TimeSpan t) => $"{t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s";

    private static string Rate(double count, TimeSpan t) =>
        (t.TotalSeconds > 0 ? count / t.TotalSeconds : 0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Pct(Percentiles p) => p.Count == 0 ? "no samples" :
        string.Create(CultureInfo.InvariantCulture, $"p50 {p.P50:0} p95 {p.P95:0} p99 {p.P99:0} max {p.Max:0} (n={p.Count})");

    private static string Calls(BulkCallStats c) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{c.Calls} (429: {c.TooManyRequests}, other errors: {c.OtherErrors}), items/call mean {c.MeanItems:0.0} max {c.MaxItems}, items {c.Items}");

    private static string Res(ResourceUse u) =>
        string.Create(CultureInfo.InvariantCulture,
            $"CPU cores used {u.CoresUsed:0.00} ({u.Cpu.TotalSeconds:0.0} s CPU / {u.Wall.TotalSeconds:0.0} s), working set max {Mb(u.MaxWorkingSet)} " +
            $"(process peak {Mb(u.ProcessPeakWorkingSet)}), managed heap max {Mb(u.MaxManagedHeap)}");

    private static string Mb(long bytes) => $"{bytes / (1024 * 1024)} MB";

    private static string FirstError(IngressStats s) => s.FirstError is null ? "" : $" (first: {s.FirstError})";
}
