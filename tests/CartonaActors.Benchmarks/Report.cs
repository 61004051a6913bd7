using System.Globalization;
using System.Runtime.InteropServices;

using static CartonaActors.Benchmarks.Fmt;

namespace CartonaActors.Benchmarks;

/// <summary>The printed tables: machine and parameters once, then one compact block per database.</summary>
public static class Report
{
    public static void Header(TextWriter w, BenchOptions o)
    {
        w.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, .NET {Environment.Version}; " +
                    "the service runs as its own process(es) (workstation GC), the emulators and the driver in this one");
        var scenario = o.Scenario.ToString().ToLowerInvariant();
        if (o.Scenario == BenchScenario.Platforms)
        {
            w.WriteLine($"parameters: scenario {scenario}, products {o.Products} linked through the ingress to each of " +
                        $"{string.Join(", ", o.Platforms).ToLowerInvariant()} in turn, at most {o.LoadTimeoutSeconds} s each, databases {string.Join("+", o.Databases)}");
            w.WriteLine("each emulator at its defaults (the platform's published limits), the service at its defaults for the platform");
            return;
        }
        w.WriteLine(o.FromOdoo
            ? $"parameters: scenario {scenario}, {o.Products} Odoo variants in WH1+WH2, Odoo changes {o.Rate}/s for {o.Seconds} s, databases {string.Join("+", o.Databases)}" +
              (o.Scenario == BenchScenario.Restart ? $", {o.Pending} changes pending at the kill" : "") + (o.Baseline ? $", baseline {o.BaselineSeconds} s" : "")
            : $"parameters: scenario {scenario}, products {o.Products}, rate {o.Rate}/s, seconds {o.Seconds}, hot {o.Hot} products get {o.HotShare:P0} of changes, " +
              $"databases {string.Join("+", o.Databases)}" + (o.Scenario == BenchScenario.Cluster ? $", 3 nodes, node 2 SIGKILLed at {o.KillAt} s" : "") +
              (o.Baseline ? $", baseline {o.BaselineWorkers} workers, 429 retried after {o.BaselineRetrySeconds} s" : ""));
        w.WriteLine("Cartona emulator limits 5 req/s, burst 10, 1000 items/call (ceiling 5,000 items/s)");
    }

    public static void Run(TextWriter w, RunResult r, BenchOptions o)
    {
        w.WriteLine();
        w.WriteLine($"=== {r.Kind}: {r.Database} ===");
        w.WriteLine($"startup                 {r.Nodes} service process(es) launched, all ready after {S(r.Ready)}" +
                    (r.KilledAt is { } k ? $"; node 2 SIGKILLed {S(k)} into phase 2 and left down" : ""));

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

        w.WriteLine($"  service log           {r.Log.Warnings} warnings, {r.Log.Errors} errors (node logs: {r.LogDir})");
        foreach (var e in r.Log.Examples) w.WriteLine($"    {e}");
        if (r.Verification is { } v)
        {
            w.WriteLine($"  verify                {v.Checked} products, MISMATCH {v.Mismatches}");
            foreach (var e in v.Examples) w.WriteLine($"    {e}");
        }
    }

    private static string FirstError(IngressStats s) => s.FirstError is null ? "" : $" (first: {s.FirstError})";

    /// <summary>The old module's way against the engine's, on the same change stream and emulator.</summary>
    public static void Baseline(TextWriter w, SteadyPhaseResult engine, BaselineResult b)
    {
        w.WriteLine("-- baseline: the old module (one call per change, one item, no coalescing, no pacing)");
        w.WriteLine($"  calls                 {b.Calls} (429: {b.TooManyRequests}, other errors: {b.OtherErrors}), changes delivered {b.Delivered}, " +
                    $"still waiting at cut-off {b.Undelivered}, lost after retries {b.Lost}, over {S(b.Duration)}");
        w.WriteLine($"  change->marketplace ms {Pct(b.Latency)}{(b.Undelivered > 0 ? "  (waiting ones counted at their age: a lower bound)" : "")}");
        w.WriteLine($"    hot / other p99     {b.HotLatency.P99:0} / {b.ColdLatency.P99:0} (delivered only)");
        w.WriteLine($"  items/s               {b.ItemsPerSecond.ToString("0.0", CultureInfo.InvariantCulture)}");
        // The old module needs at least one call per change: the ones it has not made yet count too.
        var needed = Math.Max(b.Calls, b.Calls + b.Undelivered);
        var engineItemsPerSecond = engine.Duration.TotalSeconds > 0 ? engine.Calls.Items / engine.Duration.TotalSeconds : 0;
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratios                marketplace calls baseline/engine {Ratio(needed, engine.Calls.Calls)} ({needed} vs {engine.Calls.Calls}), " +
            $"p99 engine/baseline {Ratio(engine.Latency.P99, b.Latency.P99)}{(b.Undelivered > 0 ? " (at most)" : "")}, " +
            $"items/s engine/baseline {Ratio(engineItemsPerSecond, b.ItemsPerSecond)}"));
    }

    public static string Ratio(double a, double b) => b > 0 ? (a / b).ToString("0.###", CultureInfo.InvariantCulture) : "inf";

    /// <summary>The RESULT line's figures.</summary>
    public static void Results(ResultFile f, RunResult r)
    {
        f.Add("scenario", r.Nodes > 1 ? "cluster" : "changes");
        f.Add("db", r.Kind.ToString());
        f.Add("nodes", r.Nodes);
        f.Add("ready_s", r.Ready.TotalSeconds);
        f.Add("link_products_per_s", r.Link.AllAppliedTime.TotalSeconds > 0 ? (r.Link.Products - r.Link.Outstanding) / r.Link.AllAppliedTime.TotalSeconds : 0, "0");
        if (r.Steady is { } s)
        {
            f.Add("sent", s.Sending.Sent);
            f.Add("lagged", s.Sending.Lagged);
            f.Add("p50_ms", s.Latency.P50, "0");
            f.Add("p99_ms", s.Latency.P99, "0");
            f.Add("hot_p99_ms", s.HotLatency.P99, "0");
            f.Add("cold_p99_ms", s.ColdLatency.P99, "0");
            f.Add("calls", s.Calls.Calls);
            f.Add("items_per_call", s.Calls.MeanItems, "0.0");
            f.Add("quiescence_s", s.Quiescence.TotalSeconds);
            f.Add("timed_out", s.TimedOut ? 1 : 0);
            f.Add("cpu_cores", s.Resources.CoresUsed);
            f.Add("rss_max_mb", Fmt.Mib(s.Resources.MaxRss), "0");
            f.Add("rss_peak_mb", Fmt.Mib(Math.Max(s.Resources.PeakRss, r.Link.Resources.PeakRss)), "0");
            if (r.Baseline is { } b)
            {
                f.Add("baseline_calls", b.Calls + b.Undelivered);
                f.Add("baseline_p99_ms", b.Latency.P99, "0");
                f.Add("baseline_items_per_s", b.ItemsPerSecond, "0.0");
                f.Add("baseline_undelivered", b.Undelivered);
                f.Add("calls_ratio", b.Calls + b.Undelivered > 0 && s.Calls.Calls > 0 ? (double)(b.Calls + b.Undelivered) / s.Calls.Calls : 0, "0.0");
            }
        }
        f.Add("mismatches", r.Verification?.Mismatches ?? -1);
    }
}
