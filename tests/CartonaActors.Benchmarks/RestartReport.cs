using static CartonaActors.Benchmarks.Fmt;

namespace CartonaActors.Benchmarks;

/// <summary>The printed block and RESULT figures of a restart run.</summary>
public static class RestartReport
{
    public static void Run(TextWriter w, RestartResult r)
    {
        CatalogLoad.WriteHeader(w, r.Kind, r.Database, "", r.Load);
        w.WriteLine($"-- SIGKILL with work pending ({r.Changes} Odoo price changes while Cartona answered 503; {r.PendingAtKill} items pending at the kill)");
        w.WriteLine($"  ready                 {S(r.Ready)} after launch (/healthz/ready)");
        w.WriteLine($"  pending delivered     {(r.TimedOut ? "TIMED OUT; last item at " : "")}{S(r.Delivered)} after launch");
        w.WriteLine($"  products started      {r.StartedAfterPending}");
        w.WriteLine($"  resources             {Res(r.PendingResources)}");
        w.WriteLine("-- SIGKILL with nothing pending");
        w.WriteLine($"  ready                 {S(r.IdleReady)} after launch");
        w.WriteLine($"  products started      {r.StartedWhenIdle} (10 s after ready)");
        w.WriteLine($"  resources             {Res(r.IdleResources)}");
        w.WriteLine($"  service log           {r.Log.Warnings} warnings, {r.Log.Errors} errors (node log: {r.LogDir})");
        foreach (var e in r.Log.Examples) w.WriteLine($"    {e}");
        w.WriteLine($"  verify                {r.Load.Variants} variants, Cartona = Odoo? MISMATCH {r.Mismatches}");
    }

    public static void Results(ResultFile f, RestartResult r)
    {
        f.Add("scenario", "restart");
        f.Add("db", r.Kind.ToString());
        f.Add("products", r.Load.Variants);
        f.Add("pending", r.PendingAtKill);
        f.Add("ready_s", r.Ready.TotalSeconds);
        f.Add("delivered_s", r.Delivered.TotalSeconds);
        f.Add("started_pending", r.StartedAfterPending);
        f.Add("idle_ready_s", r.IdleReady.TotalSeconds);
        f.Add("started_idle", r.StartedWhenIdle);
        f.Add("rss_peak_mb", Mib(Math.Max(r.PendingResources.PeakRss, r.IdleResources.PeakRss)), "0");
        f.Add("timed_out", r.TimedOut ? 1 : 0);
        f.Add("mismatches", r.Mismatches);
    }
}
