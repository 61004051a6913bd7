using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Domain.ReadBack;

namespace CartonaActors.Domain.Tests;

/// <summary>A push slice judges a read-back page: what it confirmed and the marketplace no longer shows is sent
/// again; what was settled after the read, is in flight or still pending is not judged by it.</summary>
public class ReadBackSpecs
{
    private const string Slice = "cartona#000";
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ListingRef Internal(string id) => new("InternalProductId", id);
    private static ListingRef Supplier(long id) => new("SupplierProductId", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static PushedValues Values(decimal price, int qty) => new(price, false, qty);
    private static ListedProduct Listed(long supplierId, string internalId, decimal price, int qty, bool published = true) =>
        new([Supplier(supplierId), Internal(internalId)], new PushedValues(price, false, qty, Published: published));

    private static void Write(PushSlice slice)
    {
        if (slice.NextWrite(Slice) is { } update) slice.Apply(update);
    }

    /// <summary>A slice whose products were offered, sent and confirmed at <see cref="T0"/>.</summary>
    private static (PushSlice Slice, Clock Clock) Confirmed(params (string Id, ListingRef Ref, PushedValues Values)[] products)
    {
        var clock = new Clock(T0);
        var slice = new PushSlice("cartona", clock);
        foreach (var (id, listing, values) in products) slice.Offer(new OfferPush(Slice, id, 1, listing, values));
        Write(slice);
        slice.Settle(new SettlePushes(Slice, slice.Take(100, T0), []));
        Write(slice);
        clock.Now = T0.AddSeconds(10);
        return (slice, clock);
    }

    private static CompareListings Page(int page, DateTimeOffset readAt, params ListedProduct[] items) => new(Slice, 7, page, readAt, items);

    [Fact]
    public void A_confirmed_product_the_marketplace_shows_otherwise_is_sent_again_and_shows_what_was_seen()
    {
        var (slice, clock) = Confirmed(("1", Internal("1"), Values(10m, 5)), ("2", Internal("2"), Values(20m, 6)));
        var readBack = new SliceReadBack();

        var drifted = readBack.Compare(slice, Page(1, clock.Now, Listed(501, "1", 10m, 5), Listed(502, "2", 20m, 4)));

        var d = Assert.Single(drifted);
        Assert.Equal(new DriftedPush("2", 1, new PushedValues(20m, false, 4, Published: true)), d);
        Assert.Empty(slice.Take(10, clock.Now)); // not before it is journaled
        slice.Apply(new PushesDrifted(Slice, drifted, clock.Now));
        var again = Assert.Single(slice.Take(10, clock.Now));
        Assert.Equal(("2", Values(20m, 6), 1L), (again.ProductId, again.Values, again.Version));
        Assert.Equal(new PushedValues(20m, false, 4, Published: true), slice.View("2").Confirmed);

        slice.Settle(new SettlePushes(Slice, [again], []));
        Write(slice);
        Assert.False(slice.View("2").Pending);
        Assert.Equal(Values(20m, 6), slice.View("2").Confirmed);
    }

    [Fact]
    public void A_listed_product_is_matched_by_either_of_its_ids()
    {
        var (slice, clock) = Confirmed(("a", Supplier(501), Values(10m, 5)), ("b", Internal("b"), Values(3m, 1)));
        var drifted = new SliceReadBack().Compare(slice, Page(1, clock.Now, Listed(501, "x-501", 11m, 5), Listed(502, "b", 3m, 2)));
        Assert.Equal(["a", "b"], drifted.Select(d => d.ProductId).Order());
    }

    [Fact]
    public void What_the_marketplace_shows_of_values_never_sent_is_not_drift()
    {
        // Only stock is synced here, and the product was never sent a publish flag: price and publishing are the supplier's.
        var (slice, clock) = Confirmed(("1", Internal("1"), new PushedValues(null, false, 5)));
        Assert.Empty(new SliceReadBack().Compare(slice, Page(1, clock.Now, Listed(501, "1", 99m, 5, published: false))));
        // An unlimited product's quantity means nothing.
        var (unlimited, at) = Confirmed(("1", Internal("1"), new PushedValues(4m, true, null)));
        Assert.Empty(new SliceReadBack().Compare(unlimited, Page(1, at.Now, new ListedProduct([Internal("1")], new PushedValues(4m, true, 0)))));
    }

    [Fact]
    public void A_read_made_before_a_settlement_or_during_a_send_or_a_pending_change_judges_nothing()
    {
        var (slice, clock) = Confirmed(("1", Internal("1"), Values(10m, 5)), ("2", Internal("2"), Values(20m, 6)), ("3", Internal("3"), Values(30m, 7)));
        var readAt = clock.Now;
        // After the read: product 1 changed and was confirmed again; product 2 changed and is being sent.
        clock.Now = readAt.AddSeconds(1);
        slice.Offer(new OfferPush(Slice, "1", 2, Internal("1"), Values(11m, 5)));
        slice.Offer(new OfferPush(Slice, "2", 2, Internal("2"), Values(21m, 6)));
        Write(slice);
        var sent = slice.Take(10, clock.Now);
        slice.Settle(new SettlePushes(Slice, sent.Where(i => i.ProductId == "1").ToList(), []));
        Write(slice);
        // Product 3 has a change not yet sent.
        slice.Offer(new OfferPush(Slice, "3", 2, Internal("3"), Values(31m, 7)));
        Write(slice);

        var drifted = new SliceReadBack().Compare(slice, Page(1, readAt, Listed(501, "1", 10m, 5), Listed(502, "2", 20m, 6), Listed(503, "3", 30m, 7)));
        Assert.Empty(drifted);
    }

    [Fact]
    public void Drift_found_before_a_newer_confirmation_is_applied_after_it_changes_nothing()
    {
        var (slice, clock) = Confirmed(("1", Internal("1"), Values(10m, 5)));
        var drifted = new SliceReadBack().Compare(slice, Page(1, clock.Now, Listed(501, "1", 10m, 4)));
        slice.Offer(new OfferPush(Slice, "1", 2, Internal("1"), Values(12m, 5)));
        Write(slice);
        slice.Settle(new SettlePushes(Slice, slice.Take(10, clock.Now), []));
        Write(slice);

        slice.Apply(new PushesDrifted(Slice, drifted, clock.Now));
        Assert.False(slice.View("1").Pending);
        Assert.Equal(Values(12m, 5), slice.View("1").Confirmed);
    }

    [Fact]
    public void At_the_end_of_a_pass_it_saw_whole_a_slice_sends_again_what_no_page_listed()
    {
        var (slice, clock) = Confirmed(("1", Internal("1"), Values(10m, 5)), ("2", Internal("2"), Values(20m, 6)), ("3", Internal("3"), Values(30m, 7)));
        var startedAt = clock.Now;
        var readBack = new SliceReadBack();
        readBack.Compare(slice, Page(1, startedAt, Listed(501, "1", 10m, 5), Listed(900, "someone-else", 1m, 1)));
        readBack.Compare(slice, Page(2, startedAt, Listed(503, "3", 30m, 7)));

        var (missing, figures) = readBack.Finish(slice, new FinishReadBack(Slice, 7, 2, startedAt));

        Assert.Equal(new DriftedPush("2", 1, null), Assert.Single(missing));
        Assert.Equal(new ReadBackFinished(Slice, 7, 2, 0, 1, true), figures);
        slice.Apply(new PushesDrifted(Slice, missing, clock.Now));
        Assert.Equal("2", Assert.Single(slice.Take(10, clock.Now)).ProductId);
    }

    [Fact]
    public void A_slice_that_missed_a_page_of_the_pass_does_not_look_for_missing_products()
    {
        var (slice, clock) = Confirmed(("1", Internal("1"), Values(10m, 5)), ("2", Internal("2"), Values(20m, 6)));
        var readBack = new SliceReadBack();
        readBack.Compare(slice, Page(2, clock.Now, Listed(501, "1", 10m, 5))); // page 1 was lost (a restart, a hand-off)

        var (missing, figures) = readBack.Finish(slice, new FinishReadBack(Slice, 7, 2, clock.Now));

        Assert.Empty(missing);
        Assert.False(figures.Complete);
    }

    [Fact]
    public void Drift_survives_replay_and_snapshot()
    {
        var (slice, clock) = Confirmed(("1", Internal("1"), Values(10m, 5)));
        var drift = new PushesDrifted(Slice, new SliceReadBack().Compare(slice, Page(1, clock.Now, Listed(501, "1", 10m, 4))), clock.Now);
        slice.Apply(drift);
        var restored = new PushSlice("cartona");
        restored.Restore(slice.Snapshot());
        Assert.True(restored.View("1").Pending);
        Assert.Equal("1", Assert.Single(restored.Take(10, clock.Now)).ProductId);
    }
}
