using Akka.Actor;
using Akka.Event;
using CartonaActors.Domain.ReadBack;
using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Marketplaces;

/// <summary>The read-back wants this page read (by the marketplace entity, inside its budget).</summary>
public sealed record ReadListingsWanted(ListingPageRequest Request);

/// <summary>The marketplace entity read the page.</summary>
public sealed record ListingsRead(ListingPageRequest Request, ListingPage Page, DateTimeOffset ReadAt);

/// <summary>The marketplace entity gave up reading the pass's pages (refused, or failing for too long).</summary>
public sealed record ListingsUnreadable(string Reason);

/// <summary>
/// Periodic read-back of one connection (a child of its marketplace entity, which makes the calls, paced and
/// retried like every other): each page of the marketplace's product list goes to every push slice, which
/// compares it with what it confirmed and sends again what drifted; at the end each slice reports, looks for
/// confirmed products no page listed, and the pass's figures go to the entity's journal.
/// </summary>
public sealed class ListingReadBack : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan FinishWait = TimeSpan.FromSeconds(60);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly ReadBackCycle _cycle;
    private readonly IReadOnlyList<string> _sliceIds;
    private readonly Func<IActorRef> _slices;
    private readonly string _connectionId;

    public static Props PropsFor(string connectionId, ReadBackPlan plan, IReadOnlyList<string> sliceIds, Func<IActorRef> slices) =>
        Props.Create(() => new ListingReadBack(connectionId, plan, sliceIds, slices));

    public ListingReadBack(string connectionId, ReadBackPlan plan, IReadOnlyList<string> sliceIds, Func<IActorRef> slices)
    {
        _connectionId = connectionId;
        _sliceIds = sliceIds;
        _slices = slices;
        _cycle = new ReadBackCycle(connectionId, plan.Interval, plan.PageSize, sliceIds.Count, DateTimeOffset.UtcNow);

        Receive<Tick>(_ =>
        {
            if (_cycle.StartIfDue(DateTimeOffset.UtcNow) is not { } first) return;
            _log.Info("{ConnectionId}: read-back pass started, {PerPage} products a page", _connectionId, first.PerPage);
            Context.Parent.Tell(new ReadListingsWanted(first));
        });
        Receive<ListingsRead>(read =>
        {
            if (!_cycle.Running) return;
            var slicesRegion = _slices();
            foreach (var sliceId in _sliceIds)
                slicesRegion.Tell(new CompareListings(sliceId, _cycle.PassId, read.Request.Page, read.ReadAt, read.Page.Items));
            if (_cycle.PageRead(read.Request, read.Page) is { } next)
            {
                Context.Parent.Tell(new ReadListingsWanted(next));
                return;
            }
            foreach (var sliceId in _sliceIds)
                slicesRegion.Tell(new FinishReadBack(sliceId, _cycle.PassId, _cycle.PagesRead, _cycle.PassStartedAt));
            Timers.StartSingleTimer("finish", new GiveUpWaiting(_cycle.PassId), FinishWait);
        });
        Receive<ReadBackFinished>(f => Done(_cycle.Answered(f, DateTimeOffset.UtcNow)));
        Receive<GiveUpWaiting>(g => Done(_cycle.GiveUpWaiting(g.PassId, DateTimeOffset.UtcNow)));
        Receive<ListingsUnreadable>(u =>
        {
            _log.Warning("{ConnectionId}: read-back pass abandoned: {Reason}; next in {Interval}", _connectionId, u.Reason, _cycle.Interval);
            _cycle.Abort(DateTimeOffset.UtcNow);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        var check = _cycle.Interval < TimeSpan.FromSeconds(5) ? _cycle.Interval : TimeSpan.FromSeconds(5);
        Timers.StartPeriodicTimer("due", Tick.Instance, check);
    }

    private void Done(ListingsReadBack? pass)
    {
        if (pass is null) return;
        Timers.Cancel("finish");
        _log.Info("{ConnectionId}: read-back pass done: {Figures}", _connectionId,
            $"{pass.Pages} pages, {pass.Listed} listed, {pass.Compared} compared, {pass.Drifted} drifted, {pass.Missing} missing, {pass.IncompleteSlices} slices incomplete");
        Context.Parent.Tell(pass);
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }

    private sealed record GiveUpWaiting(long PassId);
}
