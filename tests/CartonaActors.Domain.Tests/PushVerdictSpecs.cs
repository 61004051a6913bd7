using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Tests;

public class PushVerdictSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0);

    private static IReadOnlyList<PushItem> Items(int n) => Enumerable.Range(1, n)
        .Select(i => new PushItem($"sku-{i}", "c", new ListingRef("k", i.ToString()), new PushedValues(i, false, i), 1)).ToList();

    private static PushVerdict Decide(CallOutcome outcome, int items = 4, int limit = 4, int failures = 0) =>
        PushVerdicts.Decide("c", Items(items), outcome, new PushPace(limit, failures), maxBatch: 8, Backoff, 0, Now);

    [Fact]
    public void Success_confirms_every_item_not_refused_and_lets_the_batch_grow_back()
    {
        var v = Decide(new CallOutcome.Accepted([new ItemRejection(1, "unknown"), new ItemRejection(1, "blocked"), new ItemRejection(9, "x")], true), failures: 3);
        Assert.Equal(["sku-1", "sku-3", "sku-4"], v.Confirmed.Select(i => i.ProductId));
        Assert.Equal(("sku-2", "unknown; blocked"), (v.Rejected.Single().Item.ProductId, v.Rejected.Single().Reason));
        Assert.Equal(new PushPace(8, 0), v.Pace);
        Assert.Empty(v.Requeue);
        Assert.Equal(1, Assert.IsType<PushBatchDelivered>(v.Event).Rejected);
    }

    [Fact]
    public void Held_items_are_neither_confirmed_nor_refused_and_the_rest_is_judged_without_them()
    {
        var v = Decide(new CallOutcome.Accepted([new ItemRejection(3, "unknown sku")], true, null,
            [new ItemHold(1, TimeSpan.FromMinutes(5), "at its revision cap"), new ItemHold(2, TimeSpan.FromHours(1), "at its revision cap")]));
        Assert.Equal(["sku-1"], v.Confirmed.Select(i => i.ProductId));
        Assert.Equal("sku-4", Assert.Single(v.Rejected).Item.ProductId);
        Assert.Equal([("sku-2", TimeSpan.FromMinutes(5)), ("sku-3", TimeSpan.FromHours(1))], v.Held!.Select(h => (h.Item.ProductId, h.Wait)));
        Assert.Equal(2, Assert.IsType<PushBatchDelivered>(v.Event).Items);

        // Nothing sent at all: no event, the pace unchanged.
        var none = Decide(new CallOutcome.Accepted([], true, null, [new ItemHold(0, TimeSpan.FromMinutes(1), "cap")]), items: 1, limit: 3);
        Assert.Empty(none.Confirmed);
        Assert.Null(none.Event);
        Assert.Equal(new PushPace(3, 0), none.Pace);
        Assert.Single(none.Held!);
    }

    [Fact]
    public void A_failure_that_names_no_item_confirms_none_of_the_unnamed_items_and_they_go_again_in_halves_until_it_stands_alone()
    {
        var v = Decide(new CallOutcome.Accepted([new ItemRejection(0, "not found")], true, ["price too low"]));
        Assert.Empty(v.Confirmed);
        Assert.Equal(["sku-2", "sku-3", "sku-4"], v.Requeue.Select(i => i.ProductId));
        Assert.Equal("sku-1", Assert.Single(v.Rejected).Item.ProductId);
        Assert.Equal(1, v.Pace.BatchLimit);
        Assert.Equal("unattributed_refusal", Assert.IsType<PushBatchFailed>(v.Event).Kind);

        // With one unnamed item left, the failure is that item's.
        var alone = Decide(new CallOutcome.Accepted([], true, ["price too low"]), items: 1, limit: 1);
        Assert.Empty(alone.Confirmed);
        Assert.Empty(alone.Requeue);
        Assert.Equal(("sku-1", "price too low"), (alone.Rejected.Single().Item.ProductId, alone.Rejected.Single().Reason));
        var pair = Decide(new CallOutcome.Accepted([new ItemRejection(1, "not found")], true, ["price too low"]), items: 2, limit: 2);
        Assert.Equal(["sku-1", "sku-2"], pair.Rejected.Select(r => r.Item.ProductId).Order());
    }

    [Fact]
    public void A_429_requeues_and_pauses_for_its_Retry_After_with_the_budget_drained()
    {
        var v = Decide(new CallOutcome.RateLimited(TimeSpan.FromSeconds(7)));
        Assert.Equal(4, v.Requeue.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), v.PauseFor);
        Assert.True(v.DrainBudget);
        Assert.Equal("rate_limited", Assert.IsType<PushBatchFailed>(v.Event).Kind);
    }

    [Fact]
    public void A_call_the_client_held_back_for_its_budget_waits_without_a_failure_and_without_draining()
    {
        var v = Decide(new CallOutcome.RateLimited(TimeSpan.FromSeconds(3), NotSent: true), failures: 2);
        Assert.Equal(4, v.Requeue.Count);
        Assert.Empty(v.Confirmed);
        Assert.Equal(TimeSpan.FromSeconds(3), v.PauseFor);
        Assert.False(v.DrainBudget);
        Assert.Null(v.Event);
        Assert.Equal(new PushPace(4, 2), v.Pace);
    }

    [Fact]
    public void A_too_large_or_refused_batch_is_halved_and_a_refused_single_item_is_rejected()
    {
        Assert.Equal(2, Decide(new CallOutcome.TooLarge("413")).Pace.BatchLimit);
        var refused = Decide(new CallOutcome.Refused(400, "bad"));
        Assert.Equal((2, 4), (refused.Pace.BatchLimit, refused.Requeue.Count));
        var alone = Decide(new CallOutcome.Refused(400, "bad"), items: 1, limit: 1);
        Assert.Empty(alone.Requeue);
        Assert.Equal("HTTP 400: bad", alone.Rejected.Single().Reason);
    }

    [Fact]
    public void Transient_and_credential_failures_back_off_longer_each_time()
    {
        var first = Decide(new CallOutcome.TransientFailure("503"));
        var third = Decide(new CallOutcome.AuthenticationFailed("401"), failures: 2);
        Assert.Equal((TimeSpan.FromSeconds(1), 1), (first.PauseFor, first.Pace.ConsecutiveFailures));
        Assert.Equal((TimeSpan.FromSeconds(4), 3), (third.PauseFor, third.Pace.ConsecutiveFailures));
        Assert.Equal(4, third.Requeue.Count);
    }

    // A gateway's 4xx or a 409 comes back transient: the batch is retried whole, not halved into single refusals.
    [Fact]
    public void A_transient_failure_keeps_the_batch_size_and_refuses_nothing()
    {
        var v = Decide(new CallOutcome.TransientFailure("HTTP 404: <html>maintenance</html>"), items: 4, limit: 4);
        Assert.Equal(4, v.Pace.BatchLimit);
        Assert.Empty(v.Rejected);
        Assert.Empty(v.Confirmed);
        Assert.Equal(["sku-1", "sku-2", "sku-3", "sku-4"], v.Requeue.Select(i => i.ProductId));

        var alone = Decide(new CallOutcome.TransientFailure("HTTP 409: conflict"), items: 1, limit: 1);
        Assert.Empty(alone.Rejected);
        Assert.Single(alone.Requeue);
    }
}
