using CartonaActors.Domain.Orders;

namespace CartonaActors.Domain.Tests;

public sealed class CallTurnsSpecs
{
    [Fact]
    public void With_both_waiting_order_calls_and_pushes_take_turns()
    {
        var turns = new CallTurns();
        var sent = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var order = turns.OrderCallNext(orderCallsWaiting: true, pushesWaiting: true);
            turns.Sent(order);
            sent.Add(order ? "order" : "push");
        }

        Assert.Equal(3, sent.Count(s => s == "push"));
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void Whichever_waits_alone_has_every_call()
    {
        var turns = new CallTurns();
        turns.Sent(orderCall: true);
        Assert.True(turns.OrderCallNext(orderCallsWaiting: true, pushesWaiting: false));
        Assert.False(turns.OrderCallNext(orderCallsWaiting: false, pushesWaiting: true));
        turns.Sent(orderCall: false);
        Assert.False(turns.OrderCallNext(orderCallsWaiting: false, pushesWaiting: true));
    }
}
