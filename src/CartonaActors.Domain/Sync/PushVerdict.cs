using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Sync;

/// <summary>Where a connection's pushing stands between two bulk calls.</summary>
/// <param name="BatchLimit">Items the next bulk call may carry (shrinks on refusals, grows back on success).</param>
public sealed record PushPace(int BatchLimit, int ConsecutiveFailures);

/// <summary>What one bulk call's outcome means: which items are settled or sent again, what each product is told,
/// how long the connection pauses, and the event for its ledger.</summary>
/// <param name="Requeue">Send these again (a newer version waiting replaces them).</param>
/// <param name="Confirmed">The platform now shows these items' values.</param>
/// <param name="Rejected">The platform refused these items; they are not sent again until they change.</param>
/// <param name="PauseFor">No call before this has passed (Retry-After, backoff).</param>
/// <param name="DrainBudget">The platform said it is over its limit: the budget refills from empty.</param>
/// <param name="Event">For the connection's ledger; null when no call was made (a client that waited for its budget).</param>
public sealed record PushVerdict(
    IReadOnlyList<PushItem> Requeue,
    IReadOnlyList<PushItem> Confirmed,
    IReadOnlyList<(PushItem Item, string Reason)> Rejected,
    PushPace Pace,
    TimeSpan? PauseFor,
    bool DrainBudget,
    IMarketplaceEvent? Event,
    IReadOnlyList<(PushItem Item, TimeSpan Wait)>? Held = null);

/// <summary>
/// The one place that decides what happens after a bulk call: 429 waits for Retry-After; 413 and refused batches
/// halve until a refused product stands alone, the rest getting through meanwhile; transient and credential
/// failures back off exponentially; success confirms every item not refused and lets the batch grow back.
/// </summary>
public static class PushVerdicts
{
    public static PushVerdict Decide(string connectionId, IReadOnlyList<PushItem> items, CallOutcome outcome, PushPace pace,
        int maxBatch, RetryBackoff backoff, double random01, DateTimeOffset now)
    {
        PushVerdict Failed(string kind, string reason, PushPace next, TimeSpan? pause = null, bool drain = false, bool requeue = true) =>
            new(requeue ? items : [], [], [], next, pause, drain, new PushBatchFailed(connectionId, kind, reason, items.Count, now));

        PushVerdict RetryLater(string kind, string reason)
        {
            var failures = pace.ConsecutiveFailures + 1;
            var delay = backoff.Delay(failures, random01);
            return Failed(kind, $"{reason} (attempt {failures}, next in {delay.TotalSeconds:0.#} s)", pace with { ConsecutiveFailures = failures }, delay);
        }

        var halved = pace with { BatchLimit = Math.Max(1, items.Count / 2) };
        return outcome switch
        {
            CallOutcome.Accepted accepted => Delivered(connectionId, items, accepted, pace, maxBatch, now),
            CallOutcome.RateLimited { NotSent: true } waiting => new PushVerdict(items, [], [], pace, waiting.RetryAfter, false, null),
            CallOutcome.RateLimited limited =>
                Failed("rate_limited", $"429, retry after {limited.RetryAfter.TotalSeconds:0.###} s", pace, limited.RetryAfter, drain: true),
            CallOutcome.TooLarge tooLarge => Failed("batch_too_large", tooLarge.Reason, halved),
            CallOutcome.Refused refused when items.Count > 1 => Failed("batch_refused", $"HTTP {refused.StatusCode}: {refused.Reason}", halved),
            CallOutcome.Refused refused => Failed("item_refused", $"HTTP {refused.StatusCode}: {refused.Reason}", pace, requeue: false) with
            {
                Rejected = items.Select(i => (i, $"HTTP {refused.StatusCode}: {refused.Reason}")).ToList(),
            },
            CallOutcome.AuthenticationFailed auth => RetryLater("authentication_failed", auth.Reason),
            CallOutcome.TransientFailure transient => RetryLater("transient_failure", transient.Reason),
            _ => RetryLater("unknown", outcome.ToString()),
        };
    }

    private static PushVerdict Delivered(string connectionId, IReadOnlyList<PushItem> items, CallOutcome.Accepted accepted, PushPace pace,
        int maxBatch, DateTimeOffset now)
    {
        if (accepted.Held is { Count: > 0 } holds)
        {
            // Held items were not sent: they are neither confirmed nor refused, and the rest is judged without them.
            var waits = holds.Where(h => h.Index >= 0 && h.Index < items.Count).GroupBy(h => h.Index).ToDictionary(g => g.Key, g => g.Max(h => h.Wait));
            var sent = Enumerable.Range(0, items.Count).Where(i => !waits.ContainsKey(i)).ToList();
            var renumbered = sent.Select((original, position) => (original, position)).ToDictionary(p => p.original, p => p.position);
            var held = waits.OrderBy(w => w.Key).Select(w => (items[w.Key], w.Value)).ToList();
            if (sent.Count == 0) return new PushVerdict([], [], [], pace, null, false, null, held);
            var rest = Delivered(connectionId, sent.Select(i => items[i]).ToList(), accepted with
            {
                Rejected = accepted.Rejected.Where(r => renumbered.ContainsKey(r.Index)).Select(r => r with { Index = renumbered[r.Index] }).ToList(),
                Held = null,
            }, pace, maxBatch, now);
            return rest with { Held = held };
        }
        var reasons = accepted.Rejected.Where(r => r.Index >= 0 && r.Index < items.Count)
            .GroupBy(r => r.Index).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(r => r.Reason)));
        var rejected = new List<(PushItem, string)>();
        var confirmed = new List<PushItem>();
        for (var i = 0; i < items.Count; i++)
        {
            if (reasons.TryGetValue(i, out var reason)) rejected.Add((items[i], reason));
            else confirmed.Add(items[i]);
        }
        if (accepted.Unattributed is { Count: > 0 } unattributed)
        {
            var reason = string.Join("; ", unattributed.Take(3));
            // The one item not refused by name is the one the unnamed failure is about.
            if (confirmed.Count == 1) return Delivered(connectionId, items, accepted with
            {
                Rejected = [.. accepted.Rejected, new ItemRejection(Enumerable.Range(0, items.Count).First(i => !reasons.ContainsKey(i)), reason)], Unattributed = null,
            }, pace, maxBatch, now);
            // Which of the others failed is unknown: none is confirmed; they go again in halves until it stands alone.
            return new PushVerdict(confirmed, [], rejected, pace with { BatchLimit = Math.Max(1, confirmed.Count / 2) }, null, false,
                new PushBatchFailed(connectionId, "unattributed_refusal", $"{unattributed.Count} failures name no item of the batch: {reason}", items.Count, now));
        }
        var evt = new PushBatchDelivered(connectionId, items.Count, rejected.Count, accepted.Verified, now,
            rejected.Take(20).Select(r => new RejectedProduct(r.Item1.ProductId, r.Item2)).ToList());
        return new PushVerdict([], confirmed, rejected, new PushPace(Math.Min(maxBatch, pace.BatchLimit * 2), 0), null, false, evt);
    }
}
