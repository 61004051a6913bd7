using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Benchmarks;

/// <summary>JSON-RPC calls the Odoo emulator answered in a time span, by model and method.</summary>
public sealed record OdooCallStats(int Total, int Errors, IReadOnlyList<KeyValuePair<string, int>> ByMethod)
{
    public static OdooCallStats From(IEnumerable<OdooRecordedCall> calls, DateTimeOffset from, DateTimeOffset to)
    {
        var window = calls.Where(c => c.At >= from && c.At < to).ToList();
        var byMethod = window.GroupBy(c => c.Model is null ? $"{c.Service}.{c.Method}" : $"{c.Model} {c.Method}")
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count())).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        return new OdooCallStats(window.Count, window.Count(c => c.Error is not null), byMethod);
    }
}

/// <summary>Webhook POSTs Odoo made in a time span.</summary>
public sealed record WebhookStats(int Posts, int Failed, string? FirstFailure, IReadOnlyList<KeyValuePair<string, int>> ByModel)
{
    public static WebhookStats From(IEnumerable<OdooWebhookDelivery> deliveries, DateTimeOffset from, DateTimeOffset to)
    {
        var window = deliveries.Where(d => d.At >= from && d.At < to).ToList();
        var failed = window.Where(d => d.Error is not null).ToList();
        return new WebhookStats(window.Count, failed.Count, failed.Select(d => $"{d.Model} {d.RecordId}: {d.Error}").FirstOrDefault(),
            window.GroupBy(d => d.Model).Select(g => new KeyValuePair<string, int>(g.Key, g.Count())).OrderByDescending(kv => kv.Value).ToList());
    }
}

/// <param name="LoadTime">Until GET /api/erp/catalog-load reported completion (polled every second).</param>
/// <param name="ServerLoadTime">completedAt − startedAt as the service reports them.</param>
/// <param name="AllOnCartonaTime">Until the last item that made Cartona equal Odoo for every variant was applied.</param>
public sealed record OdooLoadResult(
    int Variants, int Total, int Read, TimeSpan? LoadTime, TimeSpan? ServerLoadTime, TimeSpan? AllOnCartonaTime, bool TimedOut,
    int Mismatches, string[] MismatchExamples, string? LastError, OdooCallStats OdooCalls, WebhookStats Webhooks, BulkCallStats Calls,
    EventCounts Events, ServiceUse Resources)
{
    public bool Complete => LoadTime is not null && AllOnCartonaTime is not null;
}

public sealed record OdooChangePhaseResult(
    OdooSteadyResult Sending, IReadOnlyDictionary<OdooChangeKind, Percentiles> LatencyByKind, Percentiles Latency,
    TimeSpan Quiescence, bool TimedOut, int Outstanding, TimeSpan Duration, OdooCallStats OdooCalls, WebhookStats Webhooks,
    BulkCallStats Calls, EventCounts Events, ServiceUse Resources);

/// <param name="HealedAfter">When the first check found mismatches: how long until none were left (null: never, within the wait).</param>
public sealed record OdooVerification(int Checked, int Mismatches, string[] Examples, int MismatchesAfterWait, TimeSpan Waited, TimeSpan? HealedAfter);

public sealed record OdooRunResult(
    BenchDatabaseKind Kind, string Database, TimeSpan Seed, TimeSpan Ready, OdooLoadResult Load,
    OdooChangePhaseResult? Changes, OdooVerification? Verification, BaselineResult? Baseline, LogSummary Log, string LogDir)
{
    public bool Failed => !Load.Complete || Changes is { TimedOut: true } || Verification is not { Mismatches: 0 };
}
