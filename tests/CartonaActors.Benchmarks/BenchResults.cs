using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Benchmarks;

/// <summary>Bulk-update calls the marketplace answered in a time span.</summary>
public sealed record BulkCallStats(int Calls, int TooManyRequests, int OtherErrors, double MeanItems, int MaxItems, int Items)
{
    public static BulkCallStats From(IEnumerable<RecordedCall> calls, DateTimeOffset from, DateTimeOffset to)
    {
        var bulk = calls.Where(c => c.Path.EndsWith("bulk-update", StringComparison.Ordinal) && c.At >= from && c.At < to).ToList();
        var ok = bulk.Where(c => c.Status is >= 200 and < 300).ToList();
        var items = ok.Select(c => c.ItemCount ?? 0).ToList();
        return new BulkCallStats(bulk.Count, bulk.Count(c => c.Status == 429), bulk.Count(c => c.Status is not (>= 200 and < 300) and not 429),
            items.Count == 0 ? 0 : items.Average(), items.Count == 0 ? 0 : items.Max(), items.Sum());
    }
}

public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(double[] samples)
    {
        if (samples.Length == 0) return new Percentiles(0, 0, 0, 0, 0);
        Array.Sort(samples);
        double At(double q) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(q * samples.Length) - 1)];
        return new Percentiles(samples.Length, At(0.50), At(0.95), At(0.99), samples[^1]);
    }
}

public sealed record LinkResult(
    int Products, IngressStats Ingress, TimeSpan IngressTime, TimeSpan AllAppliedTime, bool TimedOut, int Outstanding,
    Percentiles Latency, BulkCallStats Calls, EventCounts Events, ServiceUse Resources);

public sealed record SteadyPhaseResult(
    SteadyResult Sending, IngressStats Ingress, Percentiles Latency, Percentiles HotLatency, Percentiles ColdLatency, TimeSpan Quiescence, bool TimedOut, int Outstanding,
    TimeSpan Duration, BulkCallStats Calls, EventCounts Events, ServiceUse Resources);

public sealed record Verification(int Checked, int Mismatches, string[] Examples);

/// <param name="Ready">From launching the service process(es) until every node answered /healthz/ready.</param>
/// <param name="KilledAt">Cluster scenario: when node 2 was SIGKILLed, from the start of phase 2.</param>
public sealed record RunResult(
    BenchDatabaseKind Kind, string Database, int Nodes, TimeSpan Ready, TimeSpan? KilledAt, LinkResult Link, SteadyPhaseResult? Steady,
    Verification? Verification, BaselineResult? Baseline, LogSummary Log, string LogDir)
{
    public bool Failed => Verification is not { Mismatches: 0 } || Steady is null || Steady.TimedOut;
}
