using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>The printed block of one database's odoo-scenario run.</summary>
public static class OdooReport
{
    public static void Header(TextWriter w, BenchOptions o) =>
        w.WriteLine($"parameters: scenario odoo, variants {o.Variants} in warehouses WH1+WH2 (one connection sells both), " +
                    $"Odoo changes {o.Rate}/s for {o.Seconds} s (40% template list price, 35% quant quantity, 25% reservation), " +
                    $"databases {string.Join("+", o.Databases)}; Cartona limits 5 req/s, burst 10, 1000 items/call; " +
                    "webhooks on product.template and stock.quant, poll interval 60 s");

    public static void Run(TextWriter w, OdooRunResult r, BenchOptions o)
    {
        w.WriteLine();
        w.WriteLine($"=== {r.Kind}: {r.Database} ===");
        w.WriteLine($"startup                 Odoo seeded in {S(r.Seed)}, service built+started {S(r.Startup)}, ready after {S(r.Ready)} more");

        var l = r.Load;
        w.WriteLine($"-- phase 1: catalog load of {l.Variants} variants (POST /api/erp/catalog-load)");
        w.WriteLine($"  load complete         {(l.LoadTime is { } lt ? $"after {S(lt)} (service: {S(l.ServerLoadTime!.Value)}), {Rate(l.Read, lt)} variants/s" : $"NOT COMPLETE: read {l.Read}/{l.Total}")}" +
                    (l.LastError is null ? "" : $", last error: {l.LastError}"));
        w.WriteLine($"  on Cartona            {(l.AllOnCartonaTime is { } ct ? $"every variant's price and stock after {S(ct)} ({Rate(l.Variants, ct)} variants/s)" : $"NOT ALL: {l.Mismatches} variants differ")}" +
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
        else w.WriteLine("-- phase 2 skipped: phase 1 did not complete");

        w.WriteLine($"  service log           {r.Log.Warnings} warnings, {r.Log.Errors} errors (full log: {r.LogFile})");
        foreach (var e in r.Log.Examples) w.WriteLine($"    {e}");
        if (r.Verification is { } v)
        {
            w.WriteLine($"  verify                {v.Checked} variants, Cartona = Odoo? MISMATCH {v.Mismatches}" +
                        (v.Mismatches == 0 ? "" : v.HealedAfter is { } h ? $" (all healed {S(h)} later)" : $" ({v.MismatchesAfterWait} still after {S(v.Waited)})"));
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

    private static string Odoo(OdooCallStats s) =>
        $"{s.Total} (errors {s.Errors}): {string.Join(", ", s.ByMethod.Select(kv => $"{kv.Key} {kv.Value}"))}";

    private static string Hooks(WebhookStats s) =>
        $"{s.Posts} POSTs ({string.Join(", ", s.ByModel.Select(kv => $"{kv.Key} {kv.Value}"))}), failed {s.Failed}" +
        (s.FirstFailure is null ? "" : $" (first: {s.FirstFailure})");

    private static string Res(ResourceUse u) =>
        string.Create(CultureInfo.InvariantCulture,
            $"CPU cores used {u.CoresUsed:0.00} ({u.Cpu.TotalSeconds:0.0} s CPU / {u.Wall.TotalSeconds:0.0} s), working set max {Mb(u.MaxWorkingSet)} " +
            $"(process peak {Mb(u.ProcessPeakWorkingSet)}), managed heap max {Mb(u.MaxManagedHeap)}");

    private static string Mb(long bytes) => $"{bytes / (1024 * 1024)} MB";
}
