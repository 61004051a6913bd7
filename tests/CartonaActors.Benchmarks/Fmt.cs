using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>How the tables print figures, shared by every scenario's report.</summary>
public static class Fmt
{
    public static string S(TimeSpan t) => $"{t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s";

    public static string Rate(double count, TimeSpan t) =>
        (t.TotalSeconds > 0 ? count / t.TotalSeconds : 0).ToString("0.0", CultureInfo.InvariantCulture);

    public static string Pct(Percentiles p) => p.Count == 0 ? "no samples" :
        string.Create(CultureInfo.InvariantCulture, $"p50 {p.P50:0} p95 {p.P95:0} p99 {p.P99:0} max {p.Max:0} (n={p.Count})");

    public static string Calls(BulkCallStats c) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{c.Calls} (429: {c.TooManyRequests}, other errors: {c.OtherErrors}), items/call mean {c.MeanItems:0.0} max {c.MaxItems}, items {c.Items}");

    public static string Res(ServiceUse u) =>
        string.Create(CultureInfo.InvariantCulture,
            $"service alone: CPU cores {u.CoresUsed:0.00} ({u.Cpu.TotalSeconds:0.0} s CPU / {u.Wall.TotalSeconds:0.0} s), RSS max {Mb(u.MaxRss)}, peak (VmHWM) {Mb(u.PeakRss)}");

    public static string Mb(long bytes) => $"{bytes / (1024 * 1024)} MB";

    public static double Mib(long bytes) => bytes / (1024.0 * 1024.0);
}
