using System.Globalization;
using static CartonaActors.Benchmarks.Fmt;

namespace CartonaActors.Benchmarks;

/// <summary>The printed block and RESULT figures of a repush run.</summary>
public static class RepushReport
{
    public static void Run(TextWriter w, RepushResult r)
    {
        CatalogLoad.WriteHeader(w, r.Kind, r.Database, "phase 1: ", r.Load);
        w.WriteLine($"-- phase 2: sync-all of {r.Total} products");
        w.WriteLine($"  done                  {(r.TimedOut ? "TIMED OUT after " : "after ")}{S(r.Time)}, {CatalogLoad.Describe(r.Applied, r.Time)} ({r.Applied} items applied)");
        w.WriteLine($"  products woken        {r.Woken} (productsStarted during the re-push)");
        w.WriteLine($"  bulk-update calls     {Calls(r.Calls)}");
        w.WriteLine($"  persisted events      {r.Events.Total} ({(r.Total > 0 ? (double)r.Events.Total / r.Total : 0).ToString("0.0000", CultureInfo.InvariantCulture)} per product): {r.Events.Top(5)}");
        w.WriteLine($"  resources             {Res(r.Resources)}");
        w.WriteLine($"  service log           {r.Log.Warnings} warnings, {r.Log.Errors} errors (node log: {r.LogDir})");
        foreach (var e in r.Log.Examples) w.WriteLine($"    {e}");
        w.WriteLine($"  verify                {r.Load.Variants} variants, Cartona = Odoo? MISMATCH {r.Mismatches}");
        if (r.Baseline is { } b) OdooReport.ItemsBaseline(w, CatalogLoad.Throughput(r.Applied, r.Time).ItemsPerSecond, b);
    }

    public static void Results(ResultFile f, RepushResult r)
    {
        var (rate, share) = CatalogLoad.Throughput(r.Applied, r.Time);
        f.Add("scenario", "repush");
        f.Add("db", r.Kind.ToString());
        f.Add("products", r.Total);
        f.Add("onboard_items_per_s", CatalogLoad.Throughput(r.Load.Variants, r.Load.AllOnCartonaTime).ItemsPerSecond, "0");
        f.Add("repush_s", r.Time.TotalSeconds);
        f.Add("items_per_s", rate, "0");
        f.Add("of_ceiling", share, "0.000");
        f.Add("woken", r.Woken);
        f.Add("calls", r.Calls.Calls);
        f.Add("events", r.Events.Total);
        f.Add("cpu_cores", r.Resources.CoresUsed);
        f.Add("rss_max_mb", Mib(r.Resources.MaxRss), "0");
        f.Add("rss_peak_mb", Mib(r.Resources.PeakRss), "0");
        if (r.Baseline is { } b)
        {
            f.Add("baseline_items_per_s", b.ItemsPerSecond, "0.0");
            f.Add("items_per_s_ratio", b.ItemsPerSecond > 0 ? rate / b.ItemsPerSecond : 0, "0");
        }
        f.Add("timed_out", r.TimedOut ? 1 : 0);
        f.Add("mismatches", r.Mismatches);
    }
}
