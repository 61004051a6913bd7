using Akka.Actor;
using Akka.Event;
using CartonaActors.Domain.Pushes;

namespace CartonaActors.Engine.Products;

/// <summary>
/// How a product or a product range hands its offers to the push slices: sends them, sends again those no slice
/// confirmed durable within the resend delay, and answers the change follower once everything is stored.
/// </summary>
internal sealed class SliceOfferSender(string ownerId, IActorRef slices, ITimerScheduler timers, TimeSpan resendAfter, ILoggingAdapter log)
{
    private const string ResendTimer = "resend";
    private readonly List<(IActorRef To, long Ordering)> _followersWaiting = [];

    public void Send(IEnumerable<OfferPush> offers, bool allStored)
    {
        foreach (var offer in offers) slices.Tell(offer);
        // Started once, not again on every send: an owner that keeps changing (a range under steady ERP load) would
        // otherwise push its resend out for as long as the load lasts, and an offer lost with a node stays lost.
        if (!allStored && !timers.IsTimerActive(ResendTimer)) timers.StartSingleTimer(ResendTimer, ResendOffers.Instance, resendAfter);
    }

    public void Resend(IReadOnlyList<OfferPush> unstored)
    {
        if (unstored.Count == 0) return;
        log.Warning("{OwnerId}: {Count} offers not stored by their push slices within {After}; sending again", ownerId, unstored.Count, resendAfter);
        foreach (var offer in unstored) slices.Tell(offer);
        timers.StartSingleTimer(ResendTimer, ResendOffers.Instance, resendAfter);
    }

    public void FollowerWaits(IActorRef follower, long ordering) => _followersWaiting.Add((follower, ordering));

    /// <param name="done">Nothing of the owner waits for a slice any more.</param>
    public void AnswerFollowersIf(bool done)
    {
        if (!done) return;
        timers.Cancel(ResendTimer);
        foreach (var (to, ordering) in _followersWaiting) to.Tell(new ProductOffered(ownerId, ordering));
        _followersWaiting.Clear();
    }
}

/// <summary>Timer tick of <see cref="SliceOfferSender"/>: send again what no slice stored yet.</summary>
internal sealed class ResendOffers
{
    public static readonly ResendOffers Instance = new();
}
