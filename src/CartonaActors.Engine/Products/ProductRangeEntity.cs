using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;

namespace CartonaActors.Engine.Products;

/// <summary>
/// One range of ERP variant ids (see <see cref="ProductRange"/>). A batch of ERP reads costs one journal write
/// for the products it still owns, which it then offers to the push slices like a product entity would; reads
/// for adopted products go to their entities and are answered once those have. Adoption is written in groups,
/// and a product is told its baseline only once the range's write saying it no longer owns it is durable.
/// </summary>
public sealed class ProductRangeEntity : ReceivePersistentActor, IWithTimers
{
    private static readonly TimeSpan ForwardTimeout = TimeSpan.FromSeconds(60);

    private readonly ProductEntitySettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly ProductRange _range;
    private readonly RangeOffers _offers;
    private readonly List<(IActorRef To, ProductBaseline Reply)> _adoptionsToWrite = [];
    private bool _writingAdoptions;
    // A stop waits for the adoption write on its way (PersistAsync does not hold StopEntity back): landing after
    // the range's next incarnation recovered, it would make two writers on one journal.
    private bool _stopAfterWrites;
    private int _eventsSinceSnapshot;
    private SliceOfferSender _sender = null!;
    private IActorRef _products = ActorRefs.Nobody;

    public static Props PropsFor(string rangeId, ProductEntitySettings settings) =>
        Props.Create(() => new ProductRangeEntity(rangeId, settings));

    public ProductRangeEntity(string rangeId, ProductEntitySettings settings)
    {
        _settings = settings;
        _range = new ProductRange(rangeId);
        _offers = new RangeOffers(settings.PushSlices);
        PersistenceId = "product-" + rangeId;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is ProductRangeSnapshot s) _range.Restore(s);
        });
        Recover<IProductRangeEvent>(e =>
        {
            _range.Apply(e);
            NoteUnlinked(e);
            _eventsSinceSnapshot++;
        });

        Command<UpdateRangeProducts>(HandleUpdate);
        Command<AdoptProduct>(m =>
        {
            var reply = new ProductBaseline(m.ProductId, _range.IsAdopted(m.ProductId) ? _range.Find(m.ProductId) : _range.BeginAdoption(m.ProductId));
            _adoptionsToWrite.Add((Sender, reply));
            WriteAdoptionsIfIdle();
        });
        Command<PushOfferStored>(m =>
        {
            _offers.Stored(m);
            AnswerFollowersIfDone();
        });
        Command<EnsureRangeOffered>(m =>
        {
            _sender.FollowerWaits(Sender, m.Ordering);
            // Started by the follower (a crash left a write unoffered): offer every product the range owns once;
            // the slices answer at once, without writing, for what they already hold.
            Offer(_range.Owned);
        });
        Command<Forwarded>(f =>
        {
            if (f.Results is not null) f.ReplyTo.Tell(new RangeProductsUpdated(_range.RangeId, f.Results));
        });
        Command<ResendOffers>(_ => _sender.Resend(_offers.Unstored()));
        Command<ReceiveTimeout>(_ =>
        {
            if (!_offers.AllStored || _writingAdoptions || _adoptionsToWrite.Count > 0) return;
            Context.Parent.Tell(new Passivate(StopEntity.Instance));
        });
        Command<StopEntity>(_ =>
        {
            _stopAfterWrites = true;
            if (!_writingAdoptions) Context.Stop(Self);
        });
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Snapshot of {PersistenceId} failed", PersistenceId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        var registry = ActorRegistry.For(Context.System);
        _sender = new SliceOfferSender(_range.RangeId, registry.Get<PushSliceRegion>(), Timers, _settings.ResendAfter, _log);
        _products = registry.Get<ProductRegion>();
        SetReceiveTimeout(_settings.PassivateIdleAfter);
        base.PreStart();
    }

    private void HandleUpdate(UpdateRangeProducts cmd)
    {
        var replyTo = Sender;
        var decision = _range.Decide(cmd.Updates, _settings.IsKnownConnection);
        // The reads of one message come from one feed: its trace is theirs. Forwarded ones are accepted (and traced)
        // by their own entities.
        var traceParent = cmd.Updates.FirstOrDefault(u => u.TraceParent is not null)?.TraceParent;
        var owned = cmd.Updates.Count - decision.Forward.Count;
        var span = owned > 0 ? SyncTracing.StartRangeAccept(_range.RangeId, owned, traceParent) : null;
        var refusedCount = 0;
        foreach (var refused in decision.Results.Where(r => r is { Accepted: false }))
        {
            refusedCount++;
            _log.Warning("Update of product {ProductId} refused: {Error}", refused!.ProductId, refused.Error);
        }
        if (refusedCount > 0) span?.SetTag("cartona.refused", refusedCount);
        if (decision.Event is null)
        {
            SyncTracing.End(span, refusedCount == owned ? "refused" : "unchanged");
            Answer(decision, replyTo);
            return;
        }
        Persist(decision.Event, e =>
        {
            _range.Accept(decision);
            NoteUnlinked(e);
            // As a product entity does: the offers carry when the change was accepted and its trace, for the
            // change-to-confirm latency and the push batch's link.
            Offer(decision.States.Values, new Accepted(DateTimeOffset.UtcNow, span?.Id ?? traceParent));
            Answer(decision, replyTo);
            AfterWrite();
            SyncTracing.End(span, "accepted");
        });
    }

    /// <summary>Answers at once when nothing was forwarded; otherwise once every adopted product has answered.</summary>
    private void Answer(RangeDecision decision, IActorRef replyTo)
    {
        if (decision.Forward.Count == 0)
        {
            replyTo.Tell(new RangeProductsUpdated(_range.RangeId, decision.Results!));
            return;
        }
        var results = decision.Results.ToArray();
        var products = _products;
        Task.WhenAll(decision.Forward.Select(async f => results[f.Index] = await products.Ask<ProductUpdateResult>(f.Update, ForwardTimeout)))
            .PipeTo(Self, success: () => new Forwarded(results!, replyTo), failure: ex =>
            {
                replyTo.Tell(new Status.Failure(ex));
                return new Forwarded(null, ActorRefs.Nobody);
            });
    }

    private void WriteAdoptionsIfIdle()
    {
        if (_stopAfterWrites && !_writingAdoptions)
        {
            Context.Stop(Self); // the products still waiting ask the next incarnation again
            return;
        }
        if (_writingAdoptions || _adoptionsToWrite.Count == 0) return;
        _writingAdoptions = true;
        var batch = _adoptionsToWrite.ToList();
        _adoptionsToWrite.Clear();
        PersistAsync(new ProductsAdopted(_range.RangeId, batch.Select(b => b.Reply.ProductId).Distinct(StringComparer.Ordinal).ToList()), e =>
        {
            _range.Apply(e);
            foreach (var (to, reply) in batch) to.Tell(reply);
            _writingAdoptions = false;
            AfterWrite();
            WriteAdoptionsIfIdle();
        });
    }

    /// <param name="accepted">The write that changed these products; null when offering what the range already
    /// held (after a crash: when that change was accepted is not known).</param>
    private void Offer(IEnumerable<ProductState> products, Accepted? accepted = null)
    {
        var due = products.SelectMany(p => _offers.Due(p, _settings.ScopeOf,
            accepted is { } a ? new ChangeOrigin(p.Version, a.At, a.TraceParent) : null)).ToList();
        _sender.Send(due, _offers.AllStored);
        AnswerFollowersIfDone();
    }

    private void NoteUnlinked(IProductRangeEvent e)
    {
        if (e is not ProductRangeUpdated u) return;
        foreach (var update in u.Updates)
            if (update.Unlinked is { Count: > 0 } unlinked) _offers.Unlinked(update.ProductId, unlinked);
    }

    private void AnswerFollowersIfDone() => _sender.AnswerFollowersIf(_offers.AllStored);

    private void AfterWrite()
    {
        // A snapshot copies the whole range (up to a thousand products): only after many writes.
        if (++_eventsSinceSnapshot < Math.Max(20, _settings.SnapshotEvery)) return;
        _eventsSinceSnapshot = 0;
        SaveSnapshot(_range.Snapshot());
    }

    private sealed record Forwarded(ProductUpdateResult[]? Results, IActorRef ReplyTo);

    private sealed record Accepted(DateTimeOffset At, string? TraceParent);
}
