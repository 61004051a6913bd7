using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Tests;

public class OrderPullCycleSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static MarketplaceOrder Order(string id, DateTimeOffset? updatedAt = null, string status = "pending") =>
        new(id, null, status, false, "standard", false, new OrderTotals(1, null), new MarketplaceCustomer("c", "C", null, null, null, null),
            [new OrderLine(1, "51", null, null, 1, 1, null)], "Order " + id, "{}", updatedAt);

    [Fact]
    public void An_ack_queue_pages_to_a_short_page_and_starts_over_while_runs_bring_new_orders()
    {
        var cycle = new OrderPullCycle(OrderSourceKind.AckQueue, 2, TimeSpan.Zero, TimeSpan.Zero);
        var first = cycle.Start(null, Now)!;
        Assert.Equal(new OrderPageRequest(1, 2, null, null), first);
        Assert.Null(cycle.Start(null, Now)); // one run at a time

        var step = cycle.OnPage(first, new OrderPage([Order("a"), Order("b")], [], 2));
        Assert.Equal(2, step.Next!.Page);
        step = cycle.OnPage(step.Next, new OrderPage([Order("c")], [], 1));
        Assert.Null(step.Next);
        Assert.True(step.PullAgainSoon);

        // The next run sees only what it saw before: the cycle ends.
        var again = cycle.Start(null, Now)!;
        step = cycle.OnPage(again, new OrderPage([Order("c")], [], 1));
        Assert.False(step.PullAgainSoon);
        Assert.Null(step.ReachedUpdatedAt);
    }

    [Fact]
    public void A_cursor_source_starts_at_the_stored_time_less_the_overlap_follows_the_cursor_and_reports_how_far_it_got()
    {
        var cycle = new OrderPullCycle(OrderSourceKind.UpdatedSinceCursor, 100, TimeSpan.FromMinutes(5), TimeSpan.FromDays(7));
        Assert.Equal(Now - TimeSpan.FromDays(7), cycle.Start(null, Now)!.UpdatedSince);
        cycle.Abort();

        var first = cycle.Start(Now, Now)!;
        Assert.Equal(new OrderPageRequest(1, 100, null, Now - TimeSpan.FromMinutes(5)), first);
        var step = cycle.OnPage(first, new OrderPage([Order("a", Now.AddSeconds(1)), Order("b", Now.AddSeconds(3))], [], 2, "cur-2", HasMore: true));
        Assert.Equal("cur-2", step.Next!.Cursor);
        step = cycle.OnPage(step.Next, new OrderPage([Order("c", Now.AddSeconds(2))], [], 1, null, HasMore: false));
        Assert.Null(step.Next);
        Assert.False(step.PullAgainSoon);
        Assert.Equal(Now.AddSeconds(3), step.ReachedUpdatedAt);
        Assert.Equal(3, cycle.PulledThisRun);
    }

    [Fact]
    public void An_unreadable_order_is_reported_once_per_content()
    {
        var cycle = new OrderPullCycle(OrderSourceKind.AckQueue, 10, TimeSpan.Zero, TimeSpan.Zero);
        Assert.True(cycle.IsNewUnreadable(new UnreadableOrder("x", "no lines", "{1}")));
        Assert.False(cycle.IsNewUnreadable(new UnreadableOrder("x", "no lines", "{1}")));
        Assert.True(cycle.IsNewUnreadable(new UnreadableOrder("x", "no lines", "{2}")));
    }
}
