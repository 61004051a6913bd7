using CartonaActors.Domain.Orders;

namespace CartonaActors.Domain.Tests;

public sealed class OrderCallQueueSpecs
{
    private static OrderCallRequest Ack(string order, long callId = 1) => new("c", "c/" + order, callId, order, true, null, null);

    private static OrderCallRequest Status(string order, string status, long callId = 1) =>
        new("c", "c/" + order, callId, order, false, new OrderStatusUpdate(status), null);

    [Fact]
    public void Acknowledgements_leave_together_up_to_the_platforms_maximum_in_arrival_order()
    {
        var queue = new OrderCallQueue();
        foreach (var o in new[] { "A", "B", "C" }) queue.Enqueue(Ack(o));
        queue.Enqueue(Status("D", "approved"));
        queue.Enqueue(Ack("E"));

        Assert.Equal(["A", "B"], queue.TakeNext(2).Select(c => c.MarketplaceOrderId));
        Assert.Equal(["C", "E"], queue.TakeNext(2).Select(c => c.MarketplaceOrderId));
        Assert.Equal([("D", "approved")], queue.TakeNext(2).Select(c => (c.MarketplaceOrderId, c.Status!.Status)));
        Assert.Empty(queue.TakeNext(2));
    }

    [Fact]
    public void A_status_change_leaves_alone_and_keeps_its_place_before_later_acknowledgements()
    {
        var queue = new OrderCallQueue();
        queue.Enqueue(Status("A", "approved"));
        queue.Enqueue(Ack("B"));

        Assert.Equal(["A"], queue.TakeNext(100).Select(c => c.MarketplaceOrderId));
        Assert.Equal(["B"], queue.TakeNext(100).Select(c => c.MarketplaceOrderId));
    }

    [Fact]
    public void An_order_asked_again_after_a_timeout_waits_once_with_its_newer_request()
    {
        var queue = new OrderCallQueue();
        queue.Enqueue(Ack("A", callId: 1));
        queue.Enqueue(Ack("B"));
        queue.Enqueue(Ack("A", callId: 2));

        Assert.Equal(2, queue.Count);
        Assert.Equal([("A", 2L), ("B", 1L)], queue.TakeNext(100).Select(c => (c.MarketplaceOrderId, c.CallId)));
    }

    [Fact]
    public void A_failed_call_goes_back_to_the_front_unless_a_newer_request_waits()
    {
        var queue = new OrderCallQueue();
        queue.Enqueue(Ack("A", callId: 1));
        queue.Enqueue(Ack("B", callId: 1));
        var sent = queue.TakeNext(100);
        queue.Enqueue(Ack("C"));
        queue.Enqueue(Ack("B", callId: 2));

        queue.Requeue(sent);

        Assert.Equal([("A", 1L), ("C", 1L), ("B", 2L)], queue.TakeNext(100).Select(c => (c.MarketplaceOrderId, c.CallId)));
    }

    [Fact]
    public void Acknowledgements_of_a_refused_bulk_call_go_again_one_by_one()
    {
        var queue = new OrderCallQueue();
        queue.Enqueue(Ack("A"));
        queue.Enqueue(Ack("B"));
        var refused = queue.TakeNext(100);
        queue.Enqueue(Ack("C"));

        queue.Requeue(refused, alone: true);

        Assert.Equal(["A"], queue.TakeNext(100).Select(c => c.MarketplaceOrderId));
        Assert.Equal(["B"], queue.TakeNext(100).Select(c => c.MarketplaceOrderId));
        Assert.Equal(["C"], queue.TakeNext(100).Select(c => c.MarketplaceOrderId));
    }
}
