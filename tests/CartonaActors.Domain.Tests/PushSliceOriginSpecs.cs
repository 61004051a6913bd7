using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;

namespace CartonaActors.Domain.Tests;

/// <summary>When and under which trace a change was accepted travels from the product's offer to the item the
/// marketplace entity sends, in memory only, and is answered once.</summary>
public class PushSliceOriginSpecs
{
    private const string Slice = "cartona#000";
    private const string TraceA = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private const string TraceB = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static readonly ListingRef Ref51 = new("InternalProductId", "51");
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private static PushedValues Price(decimal p) => new(p, false, 3);

    private static OfferPush Offer(long version, decimal price, ChangeOrigin? origin) => new(Slice, "sku-1", version, Ref51, Price(price), origin);

    private static void Write(PushSlice slice)
    {
        if (slice.NextWrite(Slice) is { } update) slice.Apply(update);
    }

    [Fact]
    public void The_sent_item_carries_the_offers_origin_and_the_journaled_write_does_not()
    {
        var slice = new PushSlice("cartona");
        var origin = new ChangeOrigin(1, Now.AddSeconds(-1), TraceA);
        slice.Offer(Offer(1, 10m, origin));
        var update = slice.NextWrite(Slice)!;
        slice.Apply(update);

        Assert.Equal(origin, Assert.Single(slice.Take(10, Now)).Origin);
        Assert.DoesNotContain(TraceA, System.Text.Json.JsonSerializer.Serialize(update));
    }

    [Fact]
    public void A_newer_offer_before_the_first_is_sent_keeps_the_older_accept_time_at_the_newer_version()
    {
        var slice = new PushSlice("cartona");
        slice.Offer(Offer(1, 10m, new ChangeOrigin(1, Now.AddSeconds(-3), TraceA)));
        Write(slice);
        slice.Offer(Offer(2, 11m, new ChangeOrigin(2, Now.AddSeconds(-1), TraceB)));
        Write(slice);

        // Version 1 never shows: the wait since its change ends when version 2 is confirmed.
        Assert.Equal(new ChangeOrigin(2, Now.AddSeconds(-3), TraceA), Assert.Single(slice.Take(10, Now)).Origin);
    }

    [Fact]
    public void A_newer_offer_after_the_first_is_sent_has_its_own_origin_so_each_change_is_timed_once()
    {
        var slice = new PushSlice("cartona");
        slice.Offer(Offer(1, 10m, new ChangeOrigin(1, Now.AddSeconds(-3), TraceA)));
        Write(slice);
        var first = Assert.Single(slice.Take(10, Now));
        slice.Offer(Offer(2, 11m, new ChangeOrigin(2, Now.AddSeconds(-1), TraceB)));
        Write(slice);
        slice.Settle(new SettlePushes(Slice, [first], []));
        Write(slice);

        var second = Assert.Single(slice.Take(10, Now));
        Assert.Equal(new ChangeOrigin(1, Now.AddSeconds(-3), TraceA), first.Origin);
        Assert.Equal(new ChangeOrigin(2, Now.AddSeconds(-1), TraceB), second.Origin);
    }

    /// <summary>A traced change offered, sent and answered: confirmed, or refused.</summary>
    private static PushSlice Answered(bool confirmed)
    {
        var slice = new PushSlice("cartona");
        slice.Offer(Offer(1, 10m, new ChangeOrigin(1, Now, TraceA)));
        Write(slice);
        var sent = Assert.Single(slice.Take(10, Now));
        slice.Settle(confirmed ? new SettlePushes(Slice, [sent], []) : new SettlePushes(Slice, [], [new RejectedItem(sent, "product not found")]));
        Write(slice);
        return slice;
    }

    [Fact]
    public void Once_confirmed_the_origin_is_answered_and_a_resend_carries_none()
    {
        var slice = Answered(confirmed: true);
        slice.Apply(new PushSliceResyncRequested(Slice, 1, Now));
        Assert.Null(Assert.Single(slice.Take(10, Now)).Origin);
    }

    [Fact]
    public void A_refusal_answers_the_origin_too()
    {
        var slice = Answered(confirmed: false);
        slice.Offer(Offer(2, 12m, null)); // changed again, with nothing traced
        Write(slice);

        Assert.Null(Assert.Single(slice.Take(10, Now)).Origin);
    }
}
