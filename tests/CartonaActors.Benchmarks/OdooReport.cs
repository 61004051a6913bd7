using System.Globalization;

using static CartonaActors.Benchmarks.Fmt;

namespace CartonaActors.Benchmarks;

/// <summary>The printed block of one database's odoo-scenario run.</summary>
public static class OdooReport
{
    public static void Run(TextWriter w, OdooRunResult r, BenchOptions o)
    {
        w.WriteLine();
        w.WriteLine($"=== {r.Kind}: {r.Database} ===");
        w.WriteLine($"startup                 Odoo seeded in {S(r.Seed)}, service process launched and ready after {S(r.Ready)}");

        var l = r.Load;
        w.WriteLine($"-- phase 1: catalog load of {l.Variants} variants (POST /api/erp/catalog-load)");
        w.WriteLine($"  load complete         {(l.LoadTime is { } lt ? $"after {S(lt)} (service: {S(l.ServerLoadTime!.Value)}), {Rate(l.Read, lt)} variants/s" : $"NOT COMPLETE: read {l.Read}/{l.Total}")}" +
                    (l.LastError is null ? "" : $", last error: {l.LastError}"));
        w.WriteLine($"  on Cartona            {(l.AllOnCartonaTime is { } ct ? $"every variant's price and stock after {S(ct)} ({CatalogLoad.Describe(l.Variants, ct)})" : $"NOT ALL: {l.Mismatches} variants differ")}" +
                    (l.TimedOut ? $"  TIMED OUT after {o.LoadTimeoutSeconds} s" : ""));
        foreach (var e in l.MismatchExamples) w.WriteLine($"    {e}");
        w.WriteLine($"  Odoo JSON-RPC calls   {Odoo(l.OdooCalls)}");
        if (l.Webhooks.Posts > 0) w.WriteLine($"  Odoo webhooks         {Hooks(l.Webhooks)}");
        w.WriteLine($"  bulk-update calls     {Calls(l.Calls)}");
        var loadTime = l.AllOnCartonaTime ?? l.LoadTime ?? TimeSpan.Zero;
        w.WriteLine($"  persisted events      {l.Events.Total} ({Rate(l.Events.Total, loadTime)}/s, " +
                    $"{(l.Variants > 0 ? (double)l.Events.Total / l.Variants : 0).ToString("0.00", CultureInfo.InvariantCulture)} per variant)");
        w.WriteLine($"    by type             {l.Events.Top(6)}");
        w.WriteLine($"  resources             {Res(l.Resources)}");

        if (r.Changes is { } c)
        {
            var made = c.Sending.Made;
            w.WriteLine($"-- phase 2: {o.Rate} Odoo changes/s for {o.Seconds} s (open loop, each one Odoo transaction, webhooks before commit)");
            w.WriteLine($"  changes made          {made.Values.Sum()} in {S(c.Sending.SendWindow)} (price {made[OdooChangeKind.Price]}, stock {made[OdooChangeKind.Stock]}, " +
                        $"reservation {made[OdooChangeKind.Reservation]}), failed {c.Sending.Failed}, lagged {c.Sending.Lagged}" +
                        (c.Sending.FirstError is null ? "" : $" (first: {c.Sending.FirstError})"));
            w.WriteLine($"  Odoo save ms          {Pct(c.Sending.SaveMs)}  (transaction incl. its webhook POSTs)");
            w.WriteLine($"  Odoo webhooks         {Hooks(c.Webhooks)}");
            w.WriteLine($"  change->Cartona ms    {Pct(c.Latency)}");
            foreach (var kind in Enum.GetValues<OdooChangeKind>())
                w.WriteLine($"    {kind.ToString().ToLowerInvariant(),-20}{Pct(c.LatencyByKind[kind])}");
            w.WriteLine($"  quiescence            {S(c.Quiescence)} after the last change" +
                        (c.TimedOut ? $"  TIMED OUT with {c.Outstanding} changes outstanding" : ""));
            var changes = Math.Max(1, made.Values.Sum());
            w.WriteLine($"  Odoo JSON-RPC calls   {Odoo(c.OdooCalls)}");
            w.WriteLine($"    per change          {((double)c.OdooCalls.Total / changes).ToString("0.00", CultureInfo.InvariantCulture)} " +
                        $"({string.Join(", ", c.OdooCalls.ByMethod.Take(6).Select(kv => $"{kv.Key} {((double)kv.Value / changes).ToString("0.00", CultureInfo.InvariantCulture)}"))})");
            w.WriteLine($"  bulk-update calls     {Calls(c.Calls)}");
            w.WriteLine($"  persisted events      {c.Events.Total} ({Rate(c.Events.Total, c.Duration)}/s over {S(c.Duration)}, " +
                        $"{((double)c.Events.Total / changes).ToString("0.00", CultureInfo.InvariantCulture)} per change)");
            w.WriteLine($"    by type             {c.Events.Top(6)}");
            w.WriteLine($"  resources             {Res(c.Resources)}");
        }
        else w.WriteLine(r.Load.Complete ? "-- phase 2 skipped (--seconds 0)" : "-- phase 2 skipped: phase 1 did not complete");

        w.WriteLine($"  service log           {r.Log.Warnings} warnings, {r.Log.Errors} errors (node log: {r.LogDir})");
        foreach (var e in r.Log.Examples) w.WriteLine($"    {e}");
        if (r.Verification is { } v)
        {
            w.WriteLine($"  verify                {v.Checked} variants, Cartona = Odoo? MISMATCH {v.Mismatches}" +
                        (v.Mismatches == 0 ? "" : v.HealedAfter is { } h ? $" (all healed {S(h)} later)" : $" ({v.MismatchesAfterWait} still after {S(v.Waited)})"));
            foreach (var e in v.Examples) w.WriteLine($"    {e}");
        }
    }

    private static string Odoo(OdooCallStats s) =>
        $"{s.Total} (errors {s.Errors}): {string.Join(", ", s.ByMethod.Select(kv => $"{kv.Key} {kv.Value}"))}";

    private static string Hooks(WebhookStats s) =>
        $"{s.Posts} POSTs ({string.Join(", ", s.ByModel.Select(kv => $"{kv.Key} {kv.Value}"))}), failed {s.Failed}" +
        (s.FirstFailure is null ? "" : $" (first: {s.FirstFailure})");

    /// <summary>The old module pushing the catalog one item per call, against the engine's load.</summary>
    public static void ItemsBaseline(TextWriter w, double engineItemsPerSecond, BaselineResult b)
    {
        w.WriteLine("-- baseline: the old module pushing every product with one call of one item (no coalescing, no pacing)");
        w.WriteLine($"  calls                 {b.Calls} (429: {b.TooManyRequests}, other errors: {b.OtherErrors}), items delivered {b.Delivered} " +
                    $"in {S(b.Duration)}, {b.Undelivered} left at the cut-off");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  items/s               {b.ItemsPerSecond:0.0}; engine/baseline {Report.Ratio(engineItemsPerSecond, b.ItemsPerSecond)}; " +
            $"the whole catalog would take the baseline {(b.ItemsPerSecond > 0 ? (b.Delivered + b.Undelivered) / b.ItemsPerSecond / 3600 : double.PositiveInfinity):0.0} h"));
    }

    public static void Results(ResultFile f, OdooRunResult r)
    {
        var l = r.Load;
        var (rate, share) = CatalogLoad.Throughput(l.Variants, l.AllOnCartonaTime);
        f.Add("scenario", "onboard");
        f.Add("db", r.Kind.ToString());
        f.Add("variants", l.Variants);
        f.Add("ready_s", r.Ready.TotalSeconds);
        f.Add("load_s", (l.AllOnCartonaTime ?? TimeSpan.Zero).TotalSeconds);
        f.Add("items_per_s", rate, "0");
        f.Add("of_ceiling", share, "0.000");
        f.Add("calls", l.Calls.Calls);
        f.Add("events_per_variant", l.Variants > 0 ? (double)l.Events.Total / l.Variants : 0, "0.000");
        f.Add("cpu_cores", l.Resources.CoresUsed);
        f.Add("rss_max_mb", Fmt.Mib(l.Resources.MaxRss), "0");
        f.Add("rss_peak_mb", Fmt.Mib(l.Resources.PeakRss), "0");
        if (r.Changes is { } c)
        {
            f.Add("changes_p99_ms", c.Latency.P99, "0");
            f.Add("changes_timed_out", c.TimedOut ? 1 : 0);
        }
        if (r.Baseline is { } b)
        {
            f.Add("baseline_items_per_s", b.ItemsPerSecond, "0.0");
            f.Add("items_per_s_ratio", b.ItemsPerSecond > 0 ? rate / b.ItemsPerSecond : 0, "0");
        }
        f.Add("mismatches", r.Verification?.Mismatches ?? l.Mismatches);
    }
}
