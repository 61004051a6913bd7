using Akka.Actor;
using Akka.Event;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Erp;

/// <summary>Odoo said (by webhook) that these records of a model changed. The values are not trusted: they
/// are read again from Odoo.</summary>
/// <param name="TraceParent">The webhook request's W3C trace context (null: untraced): the read it leads to is
/// linked to it.</param>
public sealed record ErpRecordsTouched(string Model, IReadOnlyCollection<long> RecordIds, string? TraceParent = null);

/// <summary>
/// Gathers webhook hints for a short window and turns them into one batched read from Odoo, then reads the same
/// records once more after a settle delay: Odoo 18 posts its webhook before the transaction commits, so the first
/// read may still see the old values or not find a new record (and a rolled-back change is never seen at all,
/// which is right). One feed runs at a time; what arrives meanwhile waits for the next window. Failures are
/// retried with a growing pause; the poller stays the backstop for anything lost. Each feed runs under an
/// "erp feed" span linked to the webhooks whose records it reads, the settle re-read too (it is often the read
/// that sees the committed change).
/// </summary>
public sealed class OdooChangeCollector : ReceiveActor, IWithTimers
{
    private readonly IOdooCatalog _odoo;
    private readonly ErpProductFeeder _feeder;
    private readonly TimeSpan _window;
    private readonly TimeSpan _settleDelay;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private TouchedRecords _fresh = new();
    private TouchedRecords _settling = new();
    private bool _feeding;
    private int _failures;
    private long _settleSeq;

    public static Props PropsFor(IOdooCatalog odoo, ErpProductFeeder feeder, TimeSpan window, TimeSpan settleDelay) =>
        Props.Create(() => new OdooChangeCollector(odoo, feeder, window, settleDelay));

    public OdooChangeCollector(IOdooCatalog odoo, ErpProductFeeder feeder, TimeSpan window, TimeSpan settleDelay)
    {
        _odoo = odoo;
        _feeder = feeder;
        _window = window;
        _settleDelay = settleDelay;

        Receive<ErpRecordsTouched>(m =>
        {
            _fresh.Add(m.Model, m.RecordIds, m.TraceParent);
            ArmWindow(_window);
        });
        Receive<SettleDue>(m =>
        {
            _settling.AddAll(m.Records);
            ArmWindow(TimeSpan.Zero);
        });
        Receive<Flush>(_ => StartFeed());
        Receive<Fed>(m =>
        {
            _feeding = false;
            _failures = 0;
            if (!m.FirstReads.IsEmpty) Timers.StartSingleTimer(("settle", ++_settleSeq), new SettleDue(m.FirstReads), _settleDelay);
            _log.Info("Odoo changes fed: {Variants} variants read, {Changed} changed, {Refused} refused, {Outdated} outdated by a later read, {ReadAgain} read again",
                m.Result.Variants, m.Result.Changed, m.Result.Refused, m.Result.Outdated, m.Result.ReadAgain);
            if (!_fresh.IsEmpty || !_settling.IsEmpty) ArmWindow(_window);
        });
        Receive<FeedFailed>(m =>
        {
            _feeding = false;
            _failures++;
            _fresh.AddAll(m.Fresh);
            _settling.AddAll(m.Settling);
            var retryIn = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, _failures)));
            _log.Warning("Reading changed records from Odoo failed ({Reason}); retrying in {RetryIn}", m.Reason, retryIn);
            Timers.StartSingleTimer("window", Flush.Instance, retryIn);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private void ArmWindow(TimeSpan delay)
    {
        if (!Timers.IsTimerActive("window")) Timers.StartSingleTimer("window", Flush.Instance, delay);
    }

    private void StartFeed()
    {
        if (_feeding || (_fresh.IsEmpty && _settling.IsEmpty)) return;
        _feeding = true;
        var fresh = _fresh;
        var settling = _settling;
        _fresh = new TouchedRecords();
        _settling = new TouchedRecords();
        FeedAsync(fresh, settling).PipeTo(Self,
            failure: ex => new FeedFailed(fresh, settling, ex is OdooException ? ex.Message : ex.GetType().Name));
    }

    private async Task<object> FeedAsync(TouchedRecords fresh, TouchedRecords settling)
    {
        var result = await SyncTracing.InErpFeedAsync("webhook", fresh.TraceParents.Concat(settling.TraceParents), async () =>
        {
            var variantIds = new HashSet<long>();
            foreach (var (model, ids) in fresh.ByModel.Concat(settling.ByModel))
                variantIds.UnionWith(await _odoo.ResolveVariantIdsAsync(model, ids, CancellationToken.None));
            return await _feeder.FeedIdsAsync(variantIds, CancellationToken.None);
        });
        return new Fed(result, fresh);
    }

    private sealed class Flush
    {
        public static readonly Flush Instance = new();
    }

    private sealed record SettleDue(TouchedRecords Records);

    private sealed record Fed(FeedResult Result, TouchedRecords FirstReads);

    private sealed record FeedFailed(TouchedRecords Fresh, TouchedRecords Settling, string Reason);
}

/// <summary>Record ids per model, deduplicated, and the trace contexts of the webhooks that named them (no more
/// than a span links: a window can gather hundreds of webhooks).</summary>
internal sealed class TouchedRecords
{
    private readonly Dictionary<string, HashSet<long>> _byModel = new(StringComparer.Ordinal);
    private readonly HashSet<string> _traceParents = new(StringComparer.Ordinal);

    public bool IsEmpty => _byModel.Count == 0;

    public IEnumerable<KeyValuePair<string, IReadOnlyCollection<long>>> ByModel =>
        _byModel.Select(kv => new KeyValuePair<string, IReadOnlyCollection<long>>(kv.Key, kv.Value));

    public IReadOnlyCollection<string> TraceParents => _traceParents;

    public void Add(string model, IEnumerable<long> ids, string? traceParent = null)
    {
        if (!_byModel.TryGetValue(model, out var set)) _byModel[model] = set = [];
        set.UnionWith(ids);
        AddTraceParent(traceParent);
    }

    public void AddAll(TouchedRecords other)
    {
        foreach (var (model, ids) in other._byModel) Add(model, ids);
        foreach (var traceParent in other._traceParents) AddTraceParent(traceParent);
    }

    private void AddTraceParent(string? traceParent)
    {
        if (traceParent is not null && _traceParents.Count < SyncTracing.MaxLinks) _traceParents.Add(traceParent);
    }
}
