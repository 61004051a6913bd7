using System.Globalization;
using static CartonaActors.Benchmarks.Fmt;

namespace CartonaActors.Benchmarks;

/// <summary>The printed blocks, the one-row-per-platform table and the RESULT figures of a platforms run.</summary>
public static class PlatformsReport
{
    public static void Run(TextWriter w, PlatformsResult r)
    {
        w.WriteLine();
        w.WriteLine($"=== {r.Kind}: {r.Database} ===");
        foreach (var p in r.Platforms) Block(w, p);
        w.WriteLine();
        Table(w, r);
    }

    private static void Block(TextWriter w, PlatformResult p)
    {
        w.WriteLine($"-- {p.Platform}: {p.Products} products" + (p.Limits.Length > 0 ? $" (emulator: {p.Limits})" : ""));
        if (p.Failure is not null) w.WriteLine($"  FAILED                {p.Failure}");
        if (p.Limits.Length == 0) return;
        w.WriteLine($"  startup               service ready after {S(p.Ready)}");
        w.WriteLine($"  ingress               {p.Ingress.Ok} accepted in {S(p.IngressTime)} ({Rate(p.Ingress.Ok, p.IngressTime)}/s), errors {p.Ingress.Errors}" +
                    (p.Ingress.FirstError is null ? "" : $" (first: {p.Ingress.FirstError})"));
        w.WriteLine($"  on marketplace        " + (p.Finished
            ? $"all {p.Shown} after {S(p.Time)} ({Rate(p.Shown, p.Time)} products/s)"
            : $"NOT FINISHED: {p.Shown} of {p.Products} shown after {S(p.Time)}"));
        w.WriteLine($"  calls                 {p.Calls.Total}: {p.Calls.Describe()}");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  writes                {p.Calls.Writes} calls, {p.ItemsPerWrite:0.0} products per call; 429/throttled {p.Calls.TooManyRequests}"));
        if (p.Detail is not null) w.WriteLine($"  {p.Platform.ToString().ToLowerInvariant(),-21} {p.Detail}");
        w.WriteLine($"  resources             {Res(p.Resources)}");
        w.WriteLine($"  service log           {p.Log.Warnings} warnings, {p.Log.Errors} errors ({p.LogFile})");
        foreach (var e in p.Log.Examples) w.WriteLine($"    {e}");
    }

    /// <summary>One row per platform: products, time to all shown, calls by operation, 429s, CPU, RSS.</summary>
    private static void Table(TextWriter w, PlatformsResult r)
    {
        w.WriteLine("| platform | products | all shown after | shown | calls by operation | write calls | products/write | 429s | CPU cores | RSS max / peak |");
        w.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var p in r.Platforms)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {p.Platform} | {p.Products} | {(p.Finished ? S(p.Time) : $"NOT FINISHED ({S(p.Time)})")} | {p.Shown} | {p.Calls.Describe()} | " +
                $"{p.Calls.Writes} | {p.ItemsPerWrite:0.0} | {p.Calls.TooManyRequests} | {p.Resources.CoresUsed:0.00} | {Mb(p.Resources.MaxRss)} / {Mb(p.Resources.PeakRss)} |"));
    }

    public static void Results(ResultFile f, PlatformsResult r)
    {
        f.Add("scenario", "platforms");
        f.Add("db", r.Kind.ToString());
        f.Add("products", r.Platforms.Count > 0 ? r.Platforms[0].Products : 0);
        foreach (var p in r.Platforms)
        {
            var name = p.Platform.ToString().ToLowerInvariant();
            f.Add($"{name}_finished", p.Finished ? 1 : 0);
            f.Add($"{name}_shown", p.Shown);
            f.Add($"{name}_s", p.Time.TotalSeconds);
            f.Add($"{name}_calls", p.Calls.Total);
            f.Add($"{name}_writes", p.Calls.Writes);
            f.Add($"{name}_items_per_call", p.ItemsPerWrite, "0.0");
            f.Add($"{name}_429", p.Calls.TooManyRequests);
            f.Add($"{name}_cpu_cores", p.Resources.CoresUsed);
            f.Add($"{name}_rss_peak_mb", Mib(p.Resources.PeakRss), "0");
        }
    }
}
