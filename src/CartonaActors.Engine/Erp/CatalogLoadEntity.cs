using Akka.Actor;
using CartonaActors.Engine.Hosting;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using CartonaActors.Domain.Erp;
using CartonaActors.Domain.Sync;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Erp;

/// <summary>
/// "Sync all variants": reads the whole catalog in keyset pages (one search_read plus one free_qty read per
/// warehouse per page) and feeds every variant to its product. Each page is persisted once fed, so a crash
/// resumes after the last fed page instead of starting over, and progress is visible while it runs. Pages are
/// pipelined: the next page is read from Odoo while the current one is fed, so Odoo's latency and the products'
/// journal writes overlap instead of adding up.
/// </summary>
public sealed class CatalogLoadEntity : ReceivePersistentActor, IWithTimers
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RoomCheckEvery = TimeSpan.FromMilliseconds(250);
    private const int BrokenAfterFailures = 3;
    private readonly ErpTaskSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _taskId;
    private ErpProductFeeder _feeder = null!;
    private IActorRef _marketplaces = ActorRefs.Nobody;
    private CatalogLoadProgress _progress = CatalogLoadProgress.None;
    private bool _pageInFlight;
    private int _failures;
    private Page? _prefetched;

    public static Props PropsFor(string taskId, ErpTaskSettings settings) => Props.Create(() => new CatalogLoadEntity(taskId, settings));

    public CatalogLoadEntity(string taskId, ErpTaskSettings settings)
    {
        (JournalPluginId, SnapshotPluginId) = JournalPlugins.Of(Context.System);
        _settings = settings;
        _taskId = taskId;
        PersistenceId = "erp-" + taskId;

        Recover<CatalogLoadStarted>(e => _progress = new CatalogLoadProgress(true, e.Total, 0, 0, e.At, null, null));
        Recover<CatalogPageLoaded>(e => _progress = _progress with { Read = _progress.Read + e.Count, AfterId = e.LastId });
        Recover<CatalogLoadCompleted>(e => _progress = _progress with { Running = false, CompletedAt = e.At });

        Command<StartCatalogLoad>(_ =>
        {
            if (_progress.Running)
            {
                Sender.Tell(_progress);
                return;
            }
            var replyTo = Sender;
            _settings.Odoo.CountVariantsAsync(CancellationToken.None).PipeTo(Self,
                success: total => new Counted(total, replyTo),
                failure: ex => new CountFailed(ex is OdooException ? ex.Message : ex.GetType().Name, replyTo));
        });
        Command<Counted>(c => Persist(new CatalogLoadStarted(_taskId, c.Total, DateTimeOffset.UtcNow), e =>
        {
            _progress = new CatalogLoadProgress(true, e.Total, 0, 0, e.At, null, null);
            _log.Info("Catalog load started: {Total} variants in Odoo", e.Total);
            c.ReplyTo.Tell(_progress);
            NextPage();
        }));
        Command<CountFailed>(f =>
        {
            _progress = _progress with { LastError = f.Reason };
            f.ReplyTo.Tell(_progress);
        });
        Command<NextPageDue>(_ => NextPage());
        Command<PageFed>(p =>
        {
            _pageInFlight = false;
            _failures = 0;
            _prefetched = p.Next;
            if (p.Count == 0)
            {
                Persist(new CatalogLoadCompleted(_taskId, DateTimeOffset.UtcNow), e =>
                {
                    _progress = _progress with { Running = false, CompletedAt = e.At, LastError = null };
                    var seconds = (e.At - _progress.StartedAt!.Value).TotalSeconds;
                    _log.Info("Catalog load complete: {Read} variants in {Seconds:0.0} s ({Rate:0}/s)", _progress.Read, seconds, _progress.Read / Math.Max(seconds, 0.001));
                });
                return;
            }
            Persist(new CatalogPageLoaded(_taskId, p.LastId, p.Count, DateTimeOffset.UtcNow), e =>
            {
                _progress = _progress with { Read = _progress.Read + e.Count, AfterId = e.LastId, LastError = null };
                _log.Info("Catalog load: {Read}/{Total} variants ({Percent:0}%)", _progress.Read, _progress.Total,
                    100.0 * _progress.Read / Math.Max(1, _progress.Total));
                NextPage();
            });
        });
        Command<PageFailed>(f =>
        {
            _pageInFlight = false;
            _failures++;
            _progress = _progress with { LastError = f.Reason };
            var retryIn = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, _failures)));
            _log.Warning("Catalog load page after id {AfterId} failed ({Reason}); retrying in {RetryIn}", _progress.AfterId, f.Reason, retryIn);
            Timers.StartSingleTimer("retry", NextPageDue.Instance, retryIn);
        });
        Command<GetCatalogLoadProgress>(_ => Sender.Tell(_progress));
        Command<StopEntity>(_ => Context.Stop(Self));
    }

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _feeder = _settings.FeederFor(ActorRegistry.For(Context.System));
        _marketplaces = ActorRegistry.For(Context.System).Get<MarketplaceRegion>();
        base.PreStart();
    }

    protected override void OnReplaySuccess()
    {
        if (!_progress.Running) return;
        _log.Info("Resuming catalog load after variant {AfterId} ({Read}/{Total})", _progress.AfterId, _progress.Read, _progress.Total);
        NextPage();
    }

    private void NextPage()
    {
        if (_pageInFlight || !_progress.Running) return;
        _pageInFlight = true;
        // A read started for another position (a restart resumed elsewhere) is dropped, not fed.
        var page = _prefetched is { } next && next.AfterId == _progress.AfterId ? next : ReadPage(_progress.AfterId);
        _prefetched = null;
        FeedPageAsync(page).PipeTo(Self,
            failure: ex => new PageFailed(ex is OdooException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}"));
    }

    private Page ReadPage(long afterId) =>
        new(afterId, DateTimeOffset.UtcNow, _settings.Odoo.ReadVariantsAfterAsync(afterId, _settings.PageSize, CancellationToken.None));

    private async Task<object> FeedPageAsync(Page page)
    {
        var variants = await page.Variants;
        if (variants.Count == 0) return new PageFed(page.AfterId, 0, null);
        var lastId = variants.Max(v => v.Id);
        // A full page may have a successor: read it while this one is fed. Its failure surfaces when it is fed.
        var next = variants.Count >= _settings.PageSize ? ReadPage(lastId) : null;
        await WaitForMarketplacesAsync();
        await _feeder.FeedVariantsAsync(variants, page.Started, CancellationToken.None);
        return new PageFed(lastId, variants.Count, next);
    }

    /// <summary>Feeds only while every healthy listing connection has room: the load then runs at the marketplaces'
    /// pace instead of queueing the whole catalog in memory. A connection whose calls keep failing does not hold the
    /// load back (its pushes wait in its slices either way; a 429 pause is only pace), nor does an unreadable status.</summary>
    private async Task WaitForMarketplacesAsync()
    {
        var max = _settings.Sync.CatalogLoadMaxQueued;
        if (max <= 0 || _settings.ListingConnections.Count == 0) return;
        var announced = false;
        while (true)
        {
            int queued;
            try
            {
                var statuses = await Task.WhenAll(_settings.ListingConnections.Select(c =>
                    _marketplaces.Ask<MarketplaceStatus>(new GetMarketplaceStatus(c), StatusTimeout)));
                queued = statuses.Where(s => s.ConsecutiveFailures < BrokenAfterFailures)
                    .Select(s => s.Waiting + s.InFlightItems).DefaultIfEmpty(0).Max();
            }
            catch (AskTimeoutException)
            {
                return;
            }
            if (queued <= max) return;
            if (!announced) _log.Debug("Catalog load: waiting for the marketplaces, {Queued} pushes queued (at most {Max})", queued, max);
            announced = true;
            await Task.Delay(RoomCheckEvery);
        }
    }

    private sealed record Counted(int Total, IActorRef ReplyTo);

    private sealed record CountFailed(string Reason, IActorRef ReplyTo);

    /// <summary>A page read, started at <see cref="Started"/> (running or done), for the keyset position after <see cref="AfterId"/>.</summary>
    private sealed record Page(long AfterId, DateTimeOffset Started, Task<IReadOnlyList<OdooVariant>> Variants);

    private sealed record PageFed(long LastId, int Count, Page? Next);

    private sealed record PageFailed(string Reason);

    private sealed class NextPageDue
    {
        public static readonly NextPageDue Instance = new();
    }
}
