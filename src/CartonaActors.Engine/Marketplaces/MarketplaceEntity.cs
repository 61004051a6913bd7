using Akka.Actor;
using CartonaActors.Engine.Hosting;
using Akka.Event;
using Akka.Hosting;
using Akka.Pattern;
using Akka.Persistence;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Domain.ReadBack;
using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Marketplaces;

/// <summary>
/// One marketplace connection. Takes sendable products from the connection's push slices (about two bulk calls'
/// worth at a time), sends them in the platform's largest bulk call at the pace its token bucket allows, and is
/// the one place that decides when to call again: after Retry-After on 429, after a growing backoff on failures,
/// with smaller batches when a batch is refused. Each call's confirmations and refusals go back to the slices
/// (never to the products); its journal holds one event per bulk call (the sync log).
/// </summary>
public sealed class MarketplaceEntity : ReceivePersistentActor, IWithTimers
{
    private const string DrainTimer = "drain";

    private readonly MarketplaceEntitySettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly OutgoingBuffer _buffer = new();
    private readonly Dictionary<long, IReadOnlyList<PushItem>> _inFlight = new();
    private readonly OrderCallQueue _orderCalls = new();
    private readonly CallTurns _turns = new();
    // Pull pages wait behind acknowledgements and status calls: acknowledging is what shrinks an ack queue,
    // and re-reading it first would spend the rate limit on orders already being handled.
    private readonly Queue<SendOrderCall> _pullCalls = new();
    private readonly Dictionary<long, SendOrderCall> _orderCallsInFlight = new();
    private readonly OrderPullCycle _pull;
    // Orders handed to their entities by a cursor run and not yet confirmed stored: the cursor waits for them.
    private readonly HashSet<string> _awaitingStored = new(StringComparer.Ordinal);
    private DateTimeOffset? _pendingCursor;
    private bool _pullAfterRun;
    private IActorRef _orders = ActorRefs.Nobody;
    private readonly TokenBucket _bucket;
    private readonly PlatformLimits _limits;
    private readonly Random _random = new();
    private MarketplaceLedger _ledger = MarketplaceLedger.Empty;
    private IActorRef _worker = ActorRefs.Nobody;
    private IActorRef _slices = ActorRefs.Nobody;
    private readonly SliceDemand _demand;
    private int? _syncAllTotal;
    private DateTimeOffset? _pausedUntil;
    private int _consecutiveFailures;
    private int _batchLimit;
    private long _nextBatchId;
    private long _lastSnapshotSequenceNr;
    private IActorRef _readBack = ActorRefs.Nobody;
    // Read-back pages wait until nothing else does: they check the pushes, they must not delay them.
    private readonly ListingReadCalls _listingReads;
    private readonly SyncMetrics _metrics = SyncMetrics.For(Context.System);
    private readonly ConnectionBuffer _figures;

    public static Props PropsFor(string connectionId, MarketplaceEntitySettings settings) =>
        Props.Create(() => new MarketplaceEntity(connectionId, settings));

    public MarketplaceEntity(string connectionId, MarketplaceEntitySettings settings)
    {
        (JournalPluginId, SnapshotPluginId) = JournalPlugins.Of(Context.System);
        _settings = settings;
        ConnectionId = connectionId;
        PersistenceId = "marketplace-" + connectionId;
        _figures = _metrics.BufferOf(connectionId);
        _limits = settings.Connection.Limits;
        _bucket = PacingMargin.BucketFor(_limits, DateTimeOffset.UtcNow);
        _batchLimit = _limits.MaxBatchSize;
        _demand = new SliceDemand(PushSliceIds.All(connectionId, settings.PushSlices).ToList());
        _listingReads = new ListingReadCalls(settings.Backoff);
        var connection = settings.Connection.Settings;
        _pull = new OrderPullCycle(
            settings.Connection.OrderSource,
            PullPageSize, connection.OrderCursorOverlap, connection.OrderFirstLookback);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is MarketplaceLedger ledger) _ledger = ledger;
            _lastSnapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<IMarketplaceEvent>(e => _ledger = _ledger.Apply(e));

        Command<PushesWaiting>(m =>
        {
            _demand.Report(m.SliceId, m.Waiting);
            Drain();
        });
        Command<PushesTaken>(m =>
        {
            _demand.Answered(m.SliceId, m.Waiting);
            foreach (var item in m.Items) _buffer.Offer(item);
            Drain();
        });
        Command<StartSyncAll>(_ =>
        {
            var requester = Sender;
            Task.WhenAll(_demand.SliceIds.Select(id => _slices.Ask<PushSliceResyncStarted>(new ResyncPushSlice(id), SyncAllAskTimeout)))
                .PipeTo(Self, success: started => new SyncAllStarted(started.Sum(s => s.Entries), requester),
                    failure: ex => new SyncAllFailed(ex.GetType().Name, requester));
        });
        Command<SyncAllStarted>(m =>
        {
            _syncAllTotal = m.Total;
            _log.Info("{ConnectionId}: sync all: {Total} listed products to send again", ConnectionId, m.Total);
            m.ReplyTo.Tell(new SyncAllAccepted(ConnectionId, m.Total));
        });
        Command<SyncAllFailed>(m => m.ReplyTo.Tell(new Status.Failure(new TimeoutException($"sync all: a push slice did not answer ({m.Reason})"))));
        Command<DrainTick>(_ => Drain());
        Command<BatchCompleted>(HandleCompleted);
        Command<OrderCallRequest>(c =>
        {
            _orderCalls.Enqueue(c);
            Drain();
        });
        Command<PullOrdersNow>(_ => StartPull());
        Command<OrderVersionStored>(m =>
        {
            if (_awaitingStored.Remove(m.OrderId)) AdvanceCursorIfStored();
        });
        Command<CursorWaitTimedOut>(_ =>
        {
            if (_pendingCursor is null) return;
            _log.Warning("{ConnectionId}: {Orders} pulled orders did not confirm storage in time; the next pull reads from the previous cursor again",
                ConnectionId, _awaitingStored.Count);
            _pendingCursor = null;
            _awaitingStored.Clear();
        });
        Command<OrderCallCompleted>(HandleOrderCall);
        Command<OrderCallTimedOut>(t =>
        {
            // A lost answer must not hold a concurrency slot forever: treat it as a transient failure.
            if (_orderCallsInFlight.TryGetValue(t.Key, out var call))
                HandleOrderCall(new OrderCallCompleted(t.Key, call, new CallOutcome.TransientFailure("no answer from the marketplace worker in time"), null));
        });
        Command<BatchTimedOut>(t =>
        {
            if (!_inFlight.ContainsKey(t.BatchId)) return;
            HandleCompleted(new BatchCompleted(t.BatchId, _inFlight[t.BatchId],
                new CallOutcome.TransientFailure("no answer from the marketplace worker in time")));
        });
        Command<GetMarketplaceStatus>(_ => Sender.Tell(Status()));
        Command<PauseConnection>(p => ChangePause(_ledger.Paused is null ? new ConnectionPaused(ConnectionId, p.Reason, DateTimeOffset.UtcNow) : null));
        Command<ResumeConnection>(_ => ChangePause(_ledger.Paused is not null ? new ConnectionResumed(ConnectionId, DateTimeOffset.UtcNow) : null));
        Command<ReadListingsWanted>(w =>
        {
            _listingReads.Want(w.Request);
            Drain();
        });
        Command<ListingsReadCompleted>(HandleListingsRead);
        Command<ListingsReadTimedOut>(t => HandleListingsRead(new ListingsReadCompleted(t.Key, t.Request,
            new CallOutcome.TransientFailure("no answer from the marketplace worker in time"), null, DateTimeOffset.UtcNow)));
        Command<ListingsReadBack>(pass => PersistLedger(pass));
        Command<StopEntity>(_ => Context.Stop(Self));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Snapshot of {PersistenceId} failed", PersistenceId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public string ConnectionId { get; }
    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _slices = ActorRegistry.For(Context.System).Get<PushSliceRegion>();
        // Whatever a previous incarnation was handed is lost with it: the slices make it sendable again and say so.
        foreach (var id in _demand.SliceIds) _slices.Tell(new ReleaseHandedPushes(id));
        if (_settings.Connection.PullsOrders && ActorRegistry.For(Context.System).TryGet<OrderRegion>(out var orders))
        {
            _orders = orders;
            Timers.StartPeriodicTimer("pull", new PullOrdersNow(ConnectionId), _settings.Connection.Settings.OrderPullInterval);
        }
        var connection = _settings.Connection;
        var listingKeys = _settings.ListingKeys;
        var workerProps = MarketplaceWorker.PropsFor(() => _settings.ClientFactory(connection),
            listingKeys is null ? null : (page, ct) => listingKeys.ResolveAsync(page, connection.Listings, ct));
        _worker = Context.ActorOf(BackoffSupervisor.Props(
            Backoff.OnFailure(workerProps, "worker", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, -1)
                .WithAutoReset(TimeSpan.FromSeconds(30))), "worker-supervisor");
        if (connection.ReadBack is { } plan)
            _readBack = Context.ActorOf(ListingReadBack.PropsFor(ConnectionId, plan, _demand.SliceIds.ToList(),
                () => ActorRegistry.For(Context.System).Get<PushSliceRegion>()), "read-back");
        base.PreStart();
    }

    /// <summary>An operator's pause or resume; answered with the status, at once when it is already so.</summary>
    private void ChangePause(IMarketplaceEvent? change)
    {
        var replyTo = Sender;
        if (change is null)
        {
            replyTo.Tell(Status());
            return;
        }
        Persist(change, e =>
        {
            _ledger = _ledger.Apply(e);
            if (e is ConnectionPaused p) _log.Warning("{ConnectionId}: paused by an operator ({Reason}); calls wait until it is resumed", ConnectionId, p.Reason);
            else _log.Info("{ConnectionId}: resumed by an operator", ConnectionId);
            replyTo.Tell(Status());
            Drain(); // nothing while paused; on resume, what waited
        });
    }

    private MarketplaceStatus Status() => new(
        ConnectionId, _buffer.WaitingCount + _demand.Waiting + _orderCalls.Count + _pullCalls.Count, _inFlight.Values.Sum(b => b.Count) + _orderCallsInFlight.Count, _batchLimit,
        _pausedUntil > DateTimeOffset.UtcNow ? _pausedUntil : null, _consecutiveFailures, _ledger, _syncAllTotal, _bucket.Available(DateTimeOffset.UtcNow));

    private void Drain()
    {
        // An operator's pause holds every call; what is in flight finishes, the rest waits in the buffer and the slices.
        if (_ledger.Paused is not null) return;
        var now = DateTimeOffset.UtcNow;
        if (_pausedUntil is { } until && until > now)
        {
            Timers.StartSingleTimer(DrainTimer, DrainTick.Instance, until - now);
            return;
        }
        _pausedUntil = null;
        AskSlices(now);
        while (_inFlight.Count + _orderCallsInFlight.Count < _limits.MaxConcurrentRequests && (_orderCalls.Count > 0 || _pullCalls.Count > 0 || _buffer.HasSendable(now)))
        {
            var orderCallNext = _turns.OrderCallNext(_orderCalls.Count > 0 || _pullCalls.Count > 0, _buffer.HasSendable(now));
            var cost = orderCallNext ? PacingMargin.OrderCallCost(_limits) : PacingMargin.PushCost(_limits);
            if (!_bucket.TryTake(now, cost))
            {
                Timers.StartSingleTimer(DrainTimer, DrainTick.Instance, _bucket.TimeUntilNext(now, cost));
                return;
            }
            if (orderCallNext)
            {
                var orderCall = _orderCalls.Count > 0
                    ? new SendOrderCall(++_nextBatchId, _orderCalls.TakeNext(_limits.MaxAcknowledgementsPerCall), null)
                    : _pullCalls.Dequeue();
                _turns.Sent(orderCall: true);
                _orderCallsInFlight[orderCall.Key] = orderCall;
                _worker.Tell(orderCall);
                Timers.StartSingleTimer(("order-call", orderCall.Key), new OrderCallTimedOut(orderCall.Key), _settings.Connection.Settings.Timeout + TimeSpan.FromSeconds(10));
                continue;
            }
            var batch = _buffer.TakeBatch(_batchLimit, now);
            _turns.Sent(orderCall: false);
            AskSlices(now);
            var id = ++_nextBatchId;
            _inFlight[id] = batch;
            _worker.Tell(new SendBatch(id, batch));
            _metrics.BatchSent(ConnectionId, batch.Count);
            Timers.StartSingleTimer(("batch", id), new BatchTimedOut(id), _limits.PushTimeout(_settings.Connection.Settings.Timeout));
        }
        // Held products go when their hold ends, whatever else is scheduled meanwhile.
        if (_buffer.NextHoldEnd is { } holdEnds && holdEnds > now) Timers.StartSingleTimer("hold", DrainTick.Instance, holdEnds - now);
        ReadListingsIfIdle(now);
        _figures.Set(_buffer.WaitingCount + _demand.Waiting + _orderCalls.Count + _pullCalls.Count,
            _buffer.InFlightCount + _orderCallsInFlight.Count);
    }

    /// <summary>No call before <paramref name="pause"/> has passed; counted by why: the platform's 429
    /// (<c>rate_limited</c>), a cost budget the client found empty before calling (<c>budget</c>), failures (<c>backoff</c>).</summary>
    private void PauseFor(TimeSpan pause, string reason, DateTimeOffset now)
    {
        _pausedUntil = now + pause;
        if (reason == RateLimitedPause) _metrics.RateLimited(ConnectionId);
        _metrics.Paused(ConnectionId, reason, pause);
    }

    private const string RateLimitedPause = "rate_limited";

    private static string PauseReason(CallOutcome outcome) => outcome switch
    {
        CallOutcome.RateLimited { NotSent: true } => "budget",
        CallOutcome.RateLimited => RateLimitedPause,
        _ => "backoff",
    };

    protected override void PostStop()
    {
        _metrics.Forget(ConnectionId);
        base.PostStop();
    }

    private void ReadListingsIfIdle(DateTimeOffset now)
    {
        if (!_listingReads.Due(now, out var wait) || _orderCalls.Count > 0 || _pullCalls.Count > 0 || _buffer.HasSendable(now)
            || _demand.Waiting > 0 || _inFlight.Count + _orderCallsInFlight.Count >= _limits.MaxConcurrentRequests) return;
        var cost = PacingMargin.OrderCallCost(_limits);
        if (wait == TimeSpan.Zero && !_bucket.TryTake(now, cost)) wait = _bucket.TimeUntilNext(now, cost);
        if (wait > TimeSpan.Zero)
        {
            Timers.StartSingleTimer(DrainTimer, DrainTick.Instance, wait);
            return;
        }
        var key = ++_nextBatchId;
        var request = _listingReads.Start(key);
        _worker.Tell(new ReadListings(key, request));
        Timers.StartSingleTimer(("list", key), new ListingsReadTimedOut(key, request), _settings.Connection.Settings.Timeout + TimeSpan.FromSeconds(10));
    }

    private void HandleListingsRead(ListingsReadCompleted done)
    {
        var now = DateTimeOffset.UtcNow;
        var step = _listingReads.Completed(done.Key, done.Request, done.Outcome, done.Page, now, _random.NextDouble());
        if (step is null) return;
        Timers.Cancel(("list", done.Key));
        switch (step)
        {
            case ListingReadStep.Read read:
                _readBack.Tell(new ListingsRead(read.Request, read.Page, done.ReadAt));
                break;
            case ListingReadStep.RateLimited limited:
                _bucket.Drain(now);
                PauseFor(limited.RetryAfter, RateLimitedPause, now);
                break;
            case ListingReadStep.Abandon abandon:
                _readBack.Tell(new ListingsUnreadable(abandon.Reason));
                PersistLedger(Failed("read_back_failed", abandon.Reason, 0, now));
                break;
        }
        Drain();
    }

    private void HandleCompleted(BatchCompleted done)
    {
        if (!_inFlight.Remove(done.BatchId)) return; // already timed out and handled
        Timers.Cancel(("batch", done.BatchId));
        var now = DateTimeOffset.UtcNow;
        var items = done.Items;
        var verdict = PushVerdicts.Decide(ConnectionId, items, done.Outcome, new PushPace(_batchLimit, _consecutiveFailures),
            _limits.MaxBatchSize, _settings.Backoff, _random.NextDouble(), now);
        // Settle the whole batch first, so requeued items are free to go again and the rest may be sent anew.
        _buffer.Settle(items);
        _buffer.Requeue(verdict.Requeue);
        if (verdict.Held is { Count: > 0 } held)
        {
            _buffer.Hold(held.Select(h => (h.Item, now + h.Wait)));
            _log.Info("{ConnectionId}: {Held} products held back by the platform (next try in {Seconds:0.#} s)", ConnectionId, held.Count, held.Min(h => h.Wait).TotalSeconds);
        }
        foreach (var settle in SliceSettlements.Of(ConnectionId, verdict, _settings.PushSlices)) _slices.Tell(settle);
        (_batchLimit, _consecutiveFailures) = (verdict.Pace.BatchLimit, verdict.Pace.ConsecutiveFailures);
        if (verdict.DrainBudget) _bucket.Drain(now);
        if (verdict.PauseFor is { } pause) PauseFor(pause, PauseReason(done.Outcome), now);
        _metrics.BatchSettled(ConnectionId, verdict, now);
        Describe(verdict, items.Count);
        if (verdict.Event is { } evt) PersistLedger(evt);
        Drain();
    }

    private void AskSlices(DateTimeOffset now)
    {
        foreach (var (sliceId, max) in _demand.NextAsks(_buffer.WaitingCount, _batchLimit, now))
            _slices.Tell(new TakePushes(sliceId, max));
    }

    private void Describe(PushVerdict verdict, int items)
    {
        switch (verdict.Event)
        {
            case PushBatchFailed f:
                _log.Warning("{ConnectionId}: bulk call of {Items} products failed ({Kind}): {Reason}", ConnectionId, items, f.Kind, f.Reason);
                break;
            case PushBatchDelivered d:
                if (verdict.Rejected.Count > 0)
                    _log.Warning("{ConnectionId}: {Rejected} of {Items} products refused, first: {ProductId}: {Reason}",
                        ConnectionId, verdict.Rejected.Count, items, verdict.Rejected[0].Item.ProductId, verdict.Rejected[0].Reason);
                if (!d.Verified)
                    _log.Warning("{ConnectionId}: bulk call of {Items} products answered without per-item results", ConnectionId, items);
                _log.Debug("{ConnectionId}: delivered {Items} products", ConnectionId, items);
                break;
        }
    }

    private void StartPull()
    {
        if (_orders.IsNobody()) return;
        // A webhook (or a poll) while a run reads: the run may have passed the changed order already, so one more
        // run follows it. Many such asks during one run still make only one more.
        if (_pull.Running)
        {
            _pullAfterRun = true;
            return;
        }
        if (_pull.Start(_ledger.OrderCursor, DateTimeOffset.UtcNow) is not { } first) return;
        _pullAfterRun = false;
        _pullCalls.Enqueue(new SendOrderCall(++_nextBatchId, [], first));
        Drain();
    }

    private const int PullPageSize = 100;

    /// <summary>Time for the entities to acknowledge what the last run brought before the queue is read again.</summary>
    private static readonly TimeSpan PullAgainAfter = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan CursorWaitLimit = TimeSpan.FromMinutes(2);

    private void HandleOrderCall(OrderCallCompleted done)
    {
        if (!_orderCallsInFlight.Remove(done.Key)) return;
        Timers.Cancel(("order-call", done.Key));
        var now = DateTimeOffset.UtcNow;
        var request = done.Request;
        var what = request.What;
        var calls = request.Calls;
        switch (done.Outcome)
        {
            case CallOutcome.Accepted when calls.Count > 0:
                _consecutiveFailures = 0;
                foreach (var call in calls) _orders.Tell(new OrderCallResult(call.OrderId, call.CallId, true, null, null));
                break;
            case CallOutcome.Accepted:
                _consecutiveFailures = 0;
                // An order too large to cross to its entity's node is refused here, where it is seen.
                HandlePulledPage(request, OrderValidation.Admit(done.Page ?? new OrderPage([], [], 0)), now);
                break;
            case CallOutcome.Refused refused when calls.Count > 1:
                // One bad order must not block the rest: each goes again on its own, and is refused on its own.
                _log.Warning("{ConnectionId}: the marketplace refused {What}: HTTP {Status}: {Reason}; sending them one by one",
                    ConnectionId, what, refused.StatusCode, refused.Reason);
                _orderCalls.Requeue(calls, alone: true);
                break;
            case CallOutcome.Refused refused when calls.Count == 1:
                _log.Warning("{ConnectionId}: the marketplace refused {What}: HTTP {Status}: {Reason}", ConnectionId, what, refused.StatusCode, refused.Reason);
                _orders.Tell(new OrderCallResult(calls[0].OrderId, calls[0].CallId, false, refused.StatusCode, refused.Reason));
                break;
            case CallOutcome.Refused refused:
                _pull.Abort();
                PersistLedger(Failed("order_pull_refused", $"HTTP {refused.StatusCode}: {refused.Reason}", 0, now));
                break;
            case CallOutcome.RateLimited limited:
                Requeue(request);
                if (!limited.NotSent) _bucket.Drain(now);
                PauseFor(limited.RetryAfter, PauseReason(limited), now);
                break;
            default:
                // Transient or authentication trouble: the same call goes again after the backoff.
                Requeue(request);
                _consecutiveFailures++;
                var delay = _settings.Backoff.Delay(_consecutiveFailures, _random.NextDouble());
                PauseFor(delay, PauseReason(done.Outcome), now);
                _log.Warning("{ConnectionId}: {What} failed ({Outcome}); again in {Delay:0.#} s", ConnectionId, what, done.Outcome, delay.TotalSeconds);
                break;
        }
        Drain();
    }

    private void Requeue(SendOrderCall request)
    {
        if (request.Calls.Count > 0) _orderCalls.Requeue(request.Calls);
        else _pullCalls.Enqueue(request);
    }

    private void HandlePulledPage(SendOrderCall request, OrderPage page, DateTimeOffset now)
    {
        foreach (var order in page.Orders)
        {
            var orderId = OrderState.IdOf(ConnectionId, order.Id);
            if (_pull.Kind == OrderSourceKind.UpdatedSinceCursor) _awaitingStored.Add(orderId);
            _orders.Tell(new ReceiveMarketplaceOrder(orderId, order), Self);
        }
        foreach (var bad in page.Unreadable)
        {
            if (!_pull.IsNewUnreadable(bad)) continue;
            _log.Warning("{ConnectionId}: unreadable order {MarketplaceOrderId}: {Reason}", ConnectionId, bad.OrderId, bad.Reason);
            PersistLedger(Failed("order_unreadable", $"{bad.OrderId}: {bad.Reason}", 1, now));
        }
        var step = _pull.OnPage(request.Pull!, page);
        if (step.Next is { } next)
        {
            _pullCalls.Enqueue(new SendOrderCall(++_nextBatchId, [], next));
            return;
        }
        _log.Info("{ConnectionId}: order pull run done, {Orders} orders handed to their entities ({New} new)", ConnectionId, _pull.PulledThisRun, _pull.NewThisRun);
        PersistLedger(new OrdersPulled(ConnectionId, _pull.PulledThisRun, _pull.UnreadableThisRun, now));
        if (step.PullAgainSoon) Timers.StartSingleTimer("pull-again", new PullOrdersNow(ConnectionId), PullAgainAfter);
        else if (_pullAfterRun) Self.Tell(new PullOrdersNow(ConnectionId));
        if (step.ReachedUpdatedAt is { } reached && (_ledger.OrderCursor is null || reached > _ledger.OrderCursor))
        {
            _pendingCursor = reached;
            Timers.StartSingleTimer("cursor-wait", CursorWaitTimedOut.Instance, CursorWaitLimit);
            AdvanceCursorIfStored();
        }
    }

    /// <summary>The cursor moves only once every order the run saw is in its entity's journal: a crash before
    /// that reads them again, and their entities see the same version twice and do nothing.</summary>
    private void AdvanceCursorIfStored()
    {
        if (_pendingCursor is not { } cursor || _awaitingStored.Count > 0) return;
        _pendingCursor = null;
        Timers.Cancel("cursor-wait");
        PersistLedger(new OrderCursorAdvanced(ConnectionId, cursor));
    }

    private void PersistLedger(IMarketplaceEvent evt) => Persist(evt, e =>
    {
        _ledger = _ledger.Apply(e);
        if (LastSequenceNr - _lastSnapshotSequenceNr >= _settings.SnapshotEvery)
        {
            _lastSnapshotSequenceNr = LastSequenceNr;
            SaveSnapshot(_ledger);
        }
    });

    private IMarketplaceEvent Failed(string kind, string reason, int items, DateTimeOffset now)
    {
        _log.Warning("{ConnectionId}: bulk call of {Items} products failed ({Kind}): {Reason}", ConnectionId, items, kind, reason);
        return new PushBatchFailed(ConnectionId, kind, reason, items, now);
    }

    private static readonly TimeSpan SyncAllAskTimeout = TimeSpan.FromSeconds(30);

    private sealed record SyncAllStarted(int Total, IActorRef ReplyTo);

    private sealed record SyncAllFailed(string Reason, IActorRef ReplyTo);

    private sealed class DrainTick
    {
        public static readonly DrainTick Instance = new();
    }

    private sealed record BatchTimedOut(long BatchId);

    private sealed record OrderCallTimedOut(long Key);

    private sealed record ListingsReadTimedOut(long Key, ListingPageRequest Request);

    private sealed class CursorWaitTimedOut
    {
        public static readonly CursorWaitTimedOut Instance = new();
    }
}
