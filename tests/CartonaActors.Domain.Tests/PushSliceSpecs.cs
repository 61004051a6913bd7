using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;

namespace CartonaActors.Domain.Tests;

public class PushSliceSpecs
{
    private const string Slice = "cartona#000";
    private static readonly ListingRef Ref51 = new("InternalProductId", "51");
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static PushedValues Price(decimal p) => new(p, false, 3);

    /// <summary>Offers and settles, then writes and applies as the entity does (one group write at a time).</summary>
    private static PushSliceUpdated? Write(PushSlice slice)
    {
        var update = slice.NextWrite(Slice);
        if (update is not null) slice.Apply(update);
        return update;
    }

    private static PushSlice WithOffer(long version, PushedValues values, ListingRef? listing = null)
    {
        var slice = new PushSlice("cartona");
        Assert.True(slice.Offer(new OfferPush(Slice, "sku-1", version, listing ?? Ref51, values)));
        Write(slice);
        return slice;
    }

    [Fact]
    public void An_offer_is_sendable_only_once_written_and_is_handed_out_once_until_settled()
    {
        var slice = new PushSlice("cartona");
        slice.Offer(new OfferPush(Slice, "sku-1", 1, Ref51, Price(10m)));
        Assert.Empty(slice.Take(10, Now)); // not durable yet
        Write(slice);
        var item = Assert.Single(slice.Take(10, Now));
        Assert.Equal(new PushItem("sku-1", "cartona", Ref51, Price(10m), 1), item);
        Assert.Empty(slice.Take(10, Now)); // in flight: never two sends of one product at once

        slice.Settle(new SettlePushes(Slice, [item], []));
        Assert.Empty(slice.Take(10, Now)); // confirmation not durable yet: not sendable either
        var written = Write(slice)!;
        Assert.Null(Assert.Single(written.Confirmed).Values); // the wanted values: not repeated in the journal
        Assert.Empty(slice.Take(10, Now));
        Assert.False(slice.View("sku-1").Pending);
        Assert.Equal(Price(10m), slice.View("sku-1").Confirmed);
    }

    [Fact]
    public void An_equal_or_older_offer_needs_no_write_and_a_newer_one_replaces_the_unsent_one()
    {
        var slice = WithOffer(2, Price(10m));
        Assert.False(slice.Offer(new OfferPush(Slice, "sku-1", 1, Ref51, Price(9m))));
        Assert.False(slice.Offer(new OfferPush(Slice, "sku-1", 3, Ref51, Price(10m)))); // same values, later version
        Assert.True(slice.Offer(new OfferPush(Slice, "sku-1", 4, Ref51, Price(11m))));
        Assert.True(slice.Offer(new OfferPush(Slice, "sku-1", 5, Ref51, Price(12m))));
        Write(slice);
        var item = Assert.Single(slice.Take(10, Now));
        Assert.Equal((5L, 12m), (item.Version, item.Values.Price));
    }

    [Fact]
    public void A_confirmation_of_old_values_leaves_the_newer_values_pending_and_keeps_what_was_confirmed()
    {
        var slice = WithOffer(1, Price(10m));
        var first = Assert.Single(slice.Take(10, Now));
        slice.Offer(new OfferPush(Slice, "sku-1", 2, Ref51, Price(12m)));
        Write(slice);
        Assert.Empty(slice.Take(10, Now)); // version 1 still in flight
        slice.Settle(new SettlePushes(Slice, [first], []));
        var written = Write(slice)!;
        Assert.Equal(Price(10m), Assert.Single(written.Confirmed).Values); // not the wanted values any more
        Assert.Equal(Price(10m), slice.View("sku-1").Confirmed);
        var next = Assert.Single(slice.Take(10, Now));
        Assert.Equal(12m, next.Values.Price);
    }

    [Fact]
    public void Other_values_at_the_same_version_are_sent_once_and_a_confirmation_of_the_old_ones_does_not_settle_them()
    {
        // A connection's warehouses changed: the product offers other values at the version it already offered.
        var slice = WithOffer(3, Price(10m));
        var old = Assert.Single(slice.Take(10, Now));
        Assert.True(slice.Offer(new OfferPush(Slice, "sku-1", 3, Ref51, new PushedValues(10m, false, 7))));
        Write(slice);
        Assert.Empty(slice.Take(10, Now)); // the old values are still in flight: no second send overtakes them
        slice.Settle(new SettlePushes(Slice, [old], []));
        Write(slice);
        Assert.True(slice.View("sku-1").Pending); // what was confirmed is not what is wanted now
        var next = Assert.Single(slice.Take(10, Now));
        Assert.Equal((3L, 7), (next.Version, next.Values.Quantity));
        slice.Settle(new SettlePushes(Slice, [next], []));
        Write(slice);
        Assert.False(slice.View("sku-1").Pending); // sent once, then settled: not re-pushed forever
        Assert.Empty(slice.Take(10, Now));
        Assert.Equal(new PushedValues(10m, false, 7), slice.View("sku-1").Confirmed);
        Assert.False(slice.Offer(new OfferPush(Slice, "sku-1", 3, Ref51, new PushedValues(10m, false, 7))));
    }

    [Fact]
    public void A_refusal_of_values_no_longer_wanted_does_not_refuse_the_ones_wanted_now()
    {
        var slice = WithOffer(3, Price(10m));
        var old = Assert.Single(slice.Take(10, Now));
        slice.Offer(new OfferPush(Slice, "sku-1", 3, Ref51, new PushedValues(10m, false, 7)));
        Write(slice);
        slice.Settle(new SettlePushes(Slice, [], [new RejectedItem(old, "negative stock")]));
        Write(slice);
        Assert.Null(slice.View("sku-1").Refusal);
        Assert.Equal(7, Assert.Single(slice.Take(10, Now)).Values.Quantity);
    }

    [Fact]
    public void A_repeated_offer_that_is_not_yet_written_is_answered_only_after_the_write()
    {
        var slice = new PushSlice("cartona");
        Assert.True(slice.Offer(new OfferPush(Slice, "sku-1", 1, Ref51, Price(10m))));
        Assert.True(slice.Offer(new OfferPush(Slice, "sku-1", 1, Ref51, Price(10m)))); // the product asked again
        Assert.Single(Write(slice)!.Wanted);
        Assert.False(slice.Offer(new OfferPush(Slice, "sku-1", 1, Ref51, Price(10m)))); // durable now
    }

    [Fact]
    public void An_older_confirmation_never_replaces_a_newer_one()
    {
        var slice = WithOffer(5, Price(12m));
        var item = Assert.Single(slice.Take(10, Now));
        slice.Settle(new SettlePushes(Slice, [item], []));
        Write(slice);
        slice.Settle(new SettlePushes(Slice, [item with { Version = 4, Values = Price(11m) }], []));
        Assert.Empty(Write(slice)!.Confirmed);
        Assert.Equal((5L, Price(12m)), (slice.View("sku-1").ConfirmedVersion, slice.View("sku-1").Confirmed));
    }

    [Fact]
    public void A_refused_version_is_not_sent_again_until_the_product_changes()
    {
        var slice = WithOffer(1, Price(10m));
        var item = Assert.Single(slice.Take(10, Now));
        slice.Settle(new SettlePushes(Slice, [], [new RejectedItem(item, "product not found")]));
        Write(slice);
        Assert.Empty(slice.Take(10, Now));
        Assert.Equal("product not found", slice.View("sku-1").Refusal);
        slice.Offer(new OfferPush(Slice, "sku-1", 2, Ref51, Price(11m)));
        Write(slice);
        Assert.Single(slice.Take(10, Now));
    }

    [Fact]
    public void A_new_listing_id_forgets_what_the_old_one_confirmed_and_a_late_answer_for_the_old_one_is_ignored()
    {
        var slice = WithOffer(1, Price(10m));
        var old = Assert.Single(slice.Take(10, Now));
        slice.Offer(new OfferPush(Slice, "sku-1", 2, new ListingRef("SupplierProductId", "777"), Price(10m)));
        Write(slice);
        slice.Settle(new SettlePushes(Slice, [old], []));
        Assert.Empty(Write(slice)!.Confirmed);
        var again = Assert.Single(slice.Take(10, Now));
        Assert.Equal("777", again.Ref.Value);
    }

    [Fact]
    public void An_unlisted_product_stays_as_a_tombstone_so_a_late_older_offer_cannot_list_it_again()
    {
        var slice = WithOffer(1, Price(10m));
        slice.Offer(new OfferPush(Slice, "sku-1", 2, null, null));
        Write(slice);
        var closing = Assert.Single(slice.Take(10, Now)); // sent unpublished first (see below)
        slice.Settle(new SettlePushes(Slice, [closing], []));
        Write(slice);
        Assert.Empty(slice.Take(10, Now));
        Assert.False(slice.Offer(new OfferPush(Slice, "sku-1", 1, Ref51, Price(10m))));
        Assert.True(slice.Offer(new OfferPush(Slice, "sku-1", 3, Ref51, Price(10m)))); // listed again later: sent again
    }

    [Fact]
    public void A_product_that_leaves_the_connection_is_sent_unpublished_with_no_stock_before_its_listing_is_forgotten()
    {
        var listed = new PushedValues(10m, false, 5, System.Collections.Immutable.ImmutableSortedDictionary<string, int>.Empty.Add("loc-1", 5));
        var slice = WithOffer(1, listed);
        slice.Settle(new SettlePushes(Slice, [Assert.Single(slice.Take(10, Now))], []));
        Write(slice);

        Assert.True(slice.Offer(new OfferPush(Slice, "sku-1", 2, null, null)));
        Write(slice);
        var closing = Assert.Single(slice.Take(10, Now));
        Assert.Equal(Ref51, closing.Ref); // to the listing id it had
        Assert.Equal(new PushedValues(null, false, 0, System.Collections.Immutable.ImmutableSortedDictionary<string, int>.Empty.Add("loc-1", 0), false), closing.Values);
        Assert.False(slice.Offer(new OfferPush(Slice, "sku-1", 2, null, null))); // asked again: nothing new

        slice.Settle(new SettlePushes(Slice, [closing], []));
        Write(slice);
        Assert.Null(slice.View("sku-1").Ref); // forgotten only now
        Assert.Empty(slice.Take(10, Now));

        Assert.True(slice.Offer(new OfferPush(Slice, "sku-1", 3, Ref51, listed)));
        Write(slice);
        Assert.Equal(listed with { Published = true }, Assert.Single(slice.Take(10, Now)).Values); // listed again: published again
    }

    [Fact]
    public void A_withdrawal_survives_a_restart_until_it_is_confirmed_and_a_refused_one_ends_too()
    {
        var slice = new PushSlice("cartona");
        slice.Offer(new OfferPush(Slice, "sku-1", 1, Ref51, Price(10m)));
        var journal = new List<PushSliceUpdated> { Write(slice)! };
        slice.Offer(new OfferPush(Slice, "sku-1", 2, null, null));
        slice.Offer(new OfferPush(Slice, "sku-2", 1, Ref51, Price(20m)));
        journal.Add(Write(slice)!);
        slice.Offer(new OfferPush(Slice, "sku-2", 2, null, null));
        journal.Add(Write(slice)!);

        var replayed = new PushSlice("cartona");
        journal.ForEach(replayed.Apply);
        var restored = new PushSlice("cartona");
        restored.Restore(replayed.Snapshot());
        foreach (var recovered in new[] { replayed, restored })
        {
            var items = recovered.Take(10, Now);
            Assert.Equal(2, items.Count);
            Assert.All(items, i => Assert.False(i.Values.Published));
            recovered.Settle(new SettlePushes(Slice, [], items.Select(i => new RejectedItem(i, "product not found")).ToList()));
            Write(recovered);
            Assert.Null(recovered.View("sku-1").Ref);
            Assert.Empty(recovered.Take(10, Now));
        }
    }

    [Fact]
    public void A_product_never_sent_anywhere_is_simply_forgotten()
    {
        var slice = new PushSlice("cartona");
        slice.Offer(new OfferPush(Slice, "sku-1", 1, null, null));
        Write(slice);
        Assert.Empty(slice.Take(10, Now));
    }

    [Fact]
    public void Sync_all_makes_every_listed_product_sendable_again_refused_ones_included()
    {
        var slice = TwoConfirmedOneRefused();
        Assert.Empty(slice.Take(10, Now));
        Assert.Equal(3, slice.Apply(new PushSliceResyncRequested(Slice, 3, Now)));
        Assert.Equal(3, slice.Take(10, Now).Count);
    }

    /// <summary>sku-0 and sku-1 confirmed, sku-2 refused; nothing left to send.</summary>
    private static PushSlice TwoConfirmedOneRefused()
    {
        var slice = new PushSlice("cartona");
        for (var i = 0; i < 3; i++) slice.Offer(new OfferPush(Slice, $"sku-{i}", 1, Ref51, Price(10m)));
        Write(slice);
        var items = slice.Take(10, Now);
        slice.Settle(new SettlePushes(Slice, items.Take(2).ToList(), [new RejectedItem(items[2], "bad")]));
        Write(slice);
        return slice;
    }

    [Fact]
    public void A_re_push_of_one_product_makes_only_it_sendable_again_and_an_unknown_one_nothing()
    {
        var slice = TwoConfirmedOneRefused();
        Assert.Equal(1, slice.Apply(new PushSliceResyncRequested(Slice, 3, Now, "sku-2")));
        Assert.Equal("sku-2", Assert.Single(slice.Take(10, Now)).ProductId);
        Assert.Equal(0, slice.Apply(new PushSliceResyncRequested(Slice, 3, Now, "sku-9")));
    }

    [Fact]
    public void What_was_handed_out_is_sendable_again_after_the_marketplace_restarts_or_an_answer_is_lost()
    {
        var slice = WithOffer(1, Price(10m));
        Assert.Single(slice.Take(10, Now));
        slice.ReleaseHanded();
        Assert.Single(slice.Take(10, Now));
        Assert.Equal(0, slice.ReleaseStale(Now.AddSeconds(10), TimeSpan.FromMinutes(1)));
        Assert.Equal(1, slice.ReleaseStale(Now.AddMinutes(2), TimeSpan.FromMinutes(1)));
        Assert.Single(slice.Take(10, Now));
    }

    [Fact]
    public void A_replay_of_the_journal_counts_only_unconfirmed_products_as_waiting()
    {
        var slice = new PushSlice("cartona");
        slice.Offer(new OfferPush(Slice, "sku-1", 1, Ref51, Price(10m)));
        slice.Offer(new OfferPush(Slice, "sku-2", 1, Ref51, Price(20m)));
        var journal = new List<PushSliceUpdated> { Write(slice)! };
        slice.Settle(new SettlePushes(Slice, [slice.Take(10, Now).Single(i => i.ProductId == "sku-1")], []));
        journal.Add(Write(slice)!);

        var replayed = new PushSlice("cartona");
        journal.ForEach(replayed.Apply);
        Assert.Equal(1, replayed.Waiting); // the marketplace entity asks the slices for what they say waits
        Assert.Equal("sku-2", Assert.Single(replayed.Take(10, Now)).ProductId);
        Assert.Equal(0, replayed.Waiting);
    }

    [Fact]
    public void A_snapshot_restores_the_same_state_and_only_unconfirmed_products_are_sendable()
    {
        var slice = new PushSlice("cartona");
        slice.Offer(new OfferPush(Slice, "sku-1", 1, Ref51, Price(10m)));
        slice.Offer(new OfferPush(Slice, "sku-2", 1, Ref51, Price(20m)));
        Write(slice);
        var items = slice.Take(10, Now);
        slice.Settle(new SettlePushes(Slice, [items.Single(i => i.ProductId == "sku-1")], []));
        Write(slice);

        var restored = new PushSlice("cartona");
        restored.Restore(slice.Snapshot());
        Assert.Equal(slice.View("sku-1"), restored.View("sku-1"));
        Assert.Equal("sku-2", Assert.Single(restored.Take(10, Now)).ProductId);
    }

    [Fact]
    public void A_product_offers_each_connection_only_what_changed_and_withdraws_from_connections_it_left()
    {
        var scope = new ConnectionScope("cartona", []);
        var offers = new ProductOffers(16);
        var state = new[] { new ProductUpdated("sku-1", 1, 10m, null, new Dictionary<string, decimal> { ["A"] = 3 }, [new ListingRequest("cartona", Ref51)], null) }
            .Aggregate(ProductState.Empty("sku-1"), (s, e) => ProductRules.Apply(s, e));
        var first = Assert.Single(offers.Due(state, _ => scope));
        Assert.Equal(PushSliceIds.Of("cartona", "sku-1", 16), first.SliceId);
        Assert.False(offers.AllStored);
        offers.Stored(new PushOfferStored("sku-1", "cartona", 1));
        Assert.True(offers.AllStored);

        state = ProductRules.Apply(state, new ProductUpdated("sku-1", 2, null, null, new Dictionary<string, decimal> { ["B"] = 0 }, null, null));
        Assert.Empty(offers.Due(state, _ => scope)); // desired values unchanged: nothing to offer

        state = ProductRules.Apply(state, new ProductUpdated("sku-1", 3, null, null, null, null, ["cartona"]));
        offers.Unlinked(["cartona"]);
        var withdrawal = Assert.Single(offers.Due(state, _ => scope));
        Assert.Null(withdrawal.Ref);
        Assert.Equal(3, withdrawal.Version);
    }
}
