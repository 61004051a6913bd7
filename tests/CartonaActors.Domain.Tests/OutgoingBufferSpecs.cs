using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Tests;

public class OutgoingBufferSpecs
{
    private static PushItem Item(string sku, long version, decimal price) =>
        new(sku, "cartona", new ListingRef("InternalProductId", sku), new PushedValues(price, null, null), version);

    [Fact]
    public void A_newer_version_replaces_the_waiting_one()
    {
        var buffer = new OutgoingBuffer();
        Assert.True(buffer.Offer(Item("a", 1, 10)));
        Assert.True(buffer.Offer(Item("a", 2, 11)));
        var batch = buffer.TakeBatch(10);
        Assert.Equal(11m, Assert.Single(batch).Values.Price);
    }

    [Fact]
    public void An_older_version_is_refused_while_a_newer_one_waits_or_is_in_flight()
    {
        // Once settled the buffer forgets the product: the push slice that hands items out never hands an older one.
        var buffer = new OutgoingBuffer();
        buffer.Offer(Item("a", 5, 10));
        Assert.False(buffer.Offer(Item("a", 4, 9)));
        var inFlight = buffer.TakeBatch(10);
        Assert.False(buffer.Offer(Item("a", 5, 10)));
        Assert.False(buffer.Offer(Item("a", 4, 9)));
        buffer.Settle(inFlight);
        Assert.Equal(0, buffer.WaitingCount + buffer.InFlightCount);
    }

    [Fact]
    public void A_product_in_flight_waits_for_its_batch_before_going_again()
    {
        var buffer = new OutgoingBuffer();
        buffer.Offer(Item("a", 1, 10));
        var first = buffer.TakeBatch(10);
        buffer.Offer(Item("a", 2, 11));
        buffer.Offer(Item("b", 1, 5));
        var second = buffer.TakeBatch(10);
        Assert.Equal("b", Assert.Single(second).ProductId);
        buffer.Settle(first);
        Assert.Equal(11m, Assert.Single(buffer.TakeBatch(10)).Values.Price);
    }

    [Fact]
    public void A_requeued_item_does_not_replace_a_newer_one_that_arrived_meanwhile()
    {
        var buffer = new OutgoingBuffer();
        buffer.Offer(Item("a", 1, 10));
        var batch = buffer.TakeBatch(10);
        buffer.Offer(Item("a", 2, 11));
        buffer.Requeue(batch);
        Assert.Equal(11m, Assert.Single(buffer.TakeBatch(10)).Values.Price);
        Assert.Equal(0, buffer.WaitingCount);
    }

    [Fact]
    public void A_delivered_version_offered_again_is_sent_again_so_a_lost_confirmation_heals()
    {
        var buffer = new OutgoingBuffer();
        buffer.Offer(Item("a", 3, 10));
        Assert.False(buffer.Offer(Item("a", 3, 10)));
        buffer.Settle(buffer.TakeBatch(10));
        Assert.True(buffer.Offer(Item("a", 3, 10)));
    }

    [Fact]
    public void Batches_respect_the_size_limit_oldest_first()
    {
        var buffer = new OutgoingBuffer();
        for (var i = 0; i < 25; i++) buffer.Offer(Item($"p{i}", 1, i));
        var batch = buffer.TakeBatch(10);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"p{i}"), batch.Select(b => b.ProductId));
        Assert.Equal(15, buffer.WaitingCount);
    }

    [Fact]
    public void A_held_product_keeps_its_place_takes_newer_values_and_goes_only_when_its_hold_ends()
    {
        var now = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
        var buffer = new OutgoingBuffer();
        buffer.Offer(Item("a", 1, 10));
        buffer.Offer(Item("b", 1, 20));
        var batch = buffer.TakeBatch(10, now);
        buffer.Settle(batch);
        buffer.Hold([(batch[0], now.AddMinutes(5))]);
        Assert.True(buffer.Offer(Item("a", 2, 11)));

        Assert.False(buffer.HasSendable(now));
        Assert.Empty(buffer.TakeBatch(10, now.AddMinutes(4)));
        Assert.Equal(now.AddMinutes(5), buffer.NextHoldEnd);
        Assert.True(buffer.HasSendable(now.AddMinutes(5)));
        Assert.Equal(11m, Assert.Single(buffer.TakeBatch(10, now.AddMinutes(5))).Values.Price);
        Assert.Null(buffer.NextHoldEnd);
    }
}
