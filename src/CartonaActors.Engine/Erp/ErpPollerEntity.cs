using Akka.Actor;
using CartonaActors.Engine.Hosting;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using CartonaActors.Domain.Erp;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Erp;

/// <summary>
/// The backstop for lost webhooks on one Odoo model: every poll interval, reads the records whose write_date is
/// at or after its cursor minus an overlap, in (write_date, id) keyset pages, feeds the variants they concern,
/// and persists the new cursor only after the feed, so a restart neither skips nor loses a change. Re-reading
/// the overlap is cheap: what this poller fed already is not fed again (<see cref="PolledValues"/>), and an update
/// with unchanged values writes nothing.
/// </summary>
public sealed class ErpPollerEntity : ReceivePersistentActor, IWithTimers
{
    private readonly ErpTaskSettings _settings;
    private readonly string _model;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private ErpProductFeeder _feeder = null!;
    private readonly PolledValues _polled = new();
    private IActorRef _orderRegion = ActorRefs.Nobody;
    private DateTime? _cursor;
    private bool _polling;
    private DateTimeOffset? _lastPollAt;
    private int _lastPollChanges;
    private string? _lastError;

    public static Props PropsFor(string taskId, ErpTaskSettings settings) => Props.Create(() => new ErpPollerEntity(taskId, settings));

    public ErpPollerEntity(string taskId, ErpTaskSettings settings)
    {
        (JournalPluginId, SnapshotPluginId) = JournalPlugins.Of(Context.System);
        _settings = settings;
        _model = ErpTasks.ModelOfPoller(taskId) ?? throw new ArgumentException($"not a poller task: {taskId}");
        PersistenceId = "erp-" + taskId;

        Recover<ErpCursorAdvanced>(e => _cursor = e.WriteDate);
        Command<PollNow>(_ => StartPoll());
        Command<Polled>(p =>
        {
            _polling = false;
            _lastPollAt = DateTimeOffset.UtcNow;
            _lastPollChanges = p.Changes;
            _lastError = null;
            if (p.Changes > 0)
                _log.Info("Poll of {Model}: {Changes} changed records, {Variants} variants read, {Changed} changed, {Skipped} fed by this poller already",
                    _model, p.Changes, p.Result.Variants, p.Result.Changed, p.Result.Skipped);
            if (p.MaxWriteDate is { } max && (_cursor is null || max > _cursor))
                Persist(new ErpCursorAdvanced(taskId, max), e => _cursor = e.WriteDate);
        });
        Command<PollFailed>(f =>
        {
            _polling = false;
            _lastError = f.Reason;
            _log.Warning("Poll of {Model} failed: {Reason}; next try in {Interval}", _model, f.Reason, _settings.Sync.PollInterval);
        });
        Command<GetPollerStatus>(_ => Sender.Tell(new PollerStatus(_model, _cursor, _lastPollAt, _lastPollChanges, _lastError)));
        Command<StopEntity>(_ => Context.Stop(Self));
    }

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        var registry = ActorRegistry.For(Context.System);
        _feeder = _settings.FeederFor(registry);
        if (registry.TryGet<OrderRegion>(out var orders)) _orderRegion = orders;
        base.PreStart();
    }

    protected override void OnReplaySuccess()
    {
        Timers.StartPeriodicTimer("poll", new PollNow(ErpTasks.PollerOf(_model)), _settings.Sync.PollInterval);
        Self.Tell(new PollNow(ErpTasks.PollerOf(_model)));
    }

    private void StartPoll()
    {
        if (_polling) return;
        _polling = true;
        // Without a cursor (first start) there is nothing to catch up on: the catalog load covers the past.
        var since = (_cursor ?? DateTime.UtcNow) - _settings.Sync.PollOverlap;
        _polled.ForgetBefore(since);
        PollAsync(since).PipeTo(Self, failure: ex => new PollFailed(ex is OdooException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}"));
    }

    private async Task<object> PollAsync(DateTime since) => _model == SaleOrderModel ? await PollOrdersAsync(since) : await PollProductsAsync(since);

    public const string SaleOrderModel = "sale.order";

    /// <summary>Sale orders (their write_date also moves with their deliveries) go to their order entities.</summary>
    private async Task<object> PollOrdersAsync(DateTime since)
    {
        var orders = _orderRegion;
        DateTime? afterWriteDate = null;
        long afterId = 0;
        var changes = 0;
        while (true)
        {
            var page = await _settings.Sales.ReadChangedSaleOrdersAsync(since, afterWriteDate, afterId, _settings.PageSize, CancellationToken.None);
            if (page.Count == 0) break;
            changes += page.Count;
            _settings.OrderRouting.Route(page, orders);
            afterWriteDate = page[^1].WriteDate;
            afterId = page[^1].Id;
            if (page.Count < _settings.PageSize) break;
        }
        return new Polled(afterWriteDate, changes, FeedResult.None);
    }

    private async Task<object> PollProductsAsync(DateTime since)
    {
        DateTime? afterWriteDate = null;
        long afterId = 0;
        var changes = 0;
        var total = FeedResult.None;
        while (true)
        {
            var page = await _settings.Odoo.ReadChangedAsync(_model, since, afterWriteDate, afterId, _settings.PageSize, CancellationToken.None);
            if (page.Count == 0) break;
            changes += page.Count;
            var writeDates = new Dictionary<long, DateTime>();
            foreach (var change in page)
            foreach (var variant in change.VariantIds)
                if (!writeDates.TryGetValue(variant, out var seen) || change.WriteDate > seen) writeDates[variant] = change.WriteDate;
            // A page with changes is an "erp feed" span of its own (nothing links to it); an empty poll is no trace.
            var fed = await SyncTracing.InErpFeedAsync("poller", [],
                () => _feeder.FeedIdsAsync(writeDates.Keys.ToList(), CancellationToken.None, new PolledPage(_polled, writeDates)));
            total = total.Plus(fed);
            afterWriteDate = page[^1].WriteDate;
            afterId = page[^1].RecordId;
            if (page.Count < _settings.PageSize) break;
        }
        return new Polled(afterWriteDate, changes, total);
    }

    private sealed record Polled(DateTime? MaxWriteDate, int Changes, FeedResult Result);

    private sealed record PollFailed(string Reason);
}
