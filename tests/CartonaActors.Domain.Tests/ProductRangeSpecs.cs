using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;

namespace CartonaActors.Domain.Tests;

public class ProductRangeSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly ListingRef Ref = new("InternalProductId", "51");

    private static UpdateProduct Read(string id, decimal price, int second, decimal stock = 5) =>
        new(id, price, new Dictionary<string, decimal> { ["WH1"] = stock }, null, [new ListingRequest("cartona", Ref)], null, T0.AddSeconds(second));

    private static RangeDecision DecideAndAccept(ProductRange range, params UpdateProduct[] reads)
    {
        var decision = range.Decide(reads, c => c == "cartona");
        if (decision.Event is { } e) range.Accept(decision);
        return decision;
    }

    [Theory]
    [InlineData("0", "range-0")]
    [InlineData("999", "range-0")]
    [InlineData("1000", "range-1")]
    [InlineData("1234567", "range-1234")]
    [InlineData("sku-1", null)]
    [InlineData("-5", null)]
    [InlineData("12a", null)]
    [InlineData("", null)]
    [InlineData("99999999999999999999", null)]
    public void Only_ids_made_of_digits_have_a_range_of_a_thousand(string productId, string? range) =>
        Assert.Equal(range, ProductRangeIds.Of(productId));

    [Fact]
    public void A_batch_of_reads_is_one_event_for_the_products_that_changed_and_a_repeat_writes_nothing()
    {
        var range = new ProductRange("range-0");
        var first = DecideAndAccept(range, Read("1", 10m, 0), Read("2", 20m, 0), Read("3", 30m, 0));
        var written = Assert.IsType<ProductRangeUpdated>(first.Event);
        Assert.Equal(["1", "2", "3"], written.Updates.Select(u => u.ProductId));
        Assert.All(first.Results, r => Assert.True(r is { Accepted: true, Version: 1, EventsWritten: 1 }));

        var again = DecideAndAccept(range, Read("1", 10m, 1), Read("2", 21m, 1), Read("3", 30m, 1));
        Assert.Equal(["2"], again.Event!.Updates.Select(u => u.ProductId));
        Assert.Equal(2, range.Find("2")!.Version);
        Assert.Equal(1, range.Find("1")!.Version);
        Assert.Equal(T0.AddSeconds(1), range.Find("1")!.ErpObservedAt);
    }

    [Fact]
    public void A_read_that_started_before_the_applied_one_is_outdated_and_two_reads_of_one_product_in_a_batch_fold_in_order()
    {
        var range = new ProductRange("range-0");
        DecideAndAccept(range, Read("1", 10m, 5));
        var old = DecideAndAccept(range, Read("1", 9m, 3));
        Assert.Null(old.Event);
        Assert.True(old.Results[0]!.Outdated);
        Assert.Equal(10m, range.Find("1")!.Price);

        var both = DecideAndAccept(range, Read("1", 11m, 6), Read("1", 12m, 7));
        Assert.Equal([2L, 3L], both.Event!.Updates.Select(u => u.Version));
        Assert.Equal(12m, range.Find("1")!.Price);
        Assert.Equal(3, range.Find("1")!.Version);
    }

    [Fact]
    public void A_refused_read_is_answered_with_its_reason_and_writes_nothing()
    {
        var range = new ProductRange("range-0");
        var decision = DecideAndAccept(range, Read("1", -1m, 0), Read("2", 5m, 0));
        Assert.False(decision.Results[0]!.Accepted);
        Assert.NotNull(decision.Results[0]!.Error);
        Assert.Equal(["2"], decision.Event!.Updates.Select(u => u.ProductId));
        Assert.Null(range.Find("1"));
    }

    [Fact]
    public void An_adopted_product_is_handed_its_state_and_its_later_reads_are_forwarded_untouched()
    {
        var range = new ProductRange("range-0");
        DecideAndAccept(range, Read("1", 10m, 0), Read("2", 20m, 0));
        var baseline = range.BeginAdoption("1");
        Assert.Equal(10m, baseline!.Price);
        Assert.Equal(1, baseline.Version);
        Assert.Null(range.BeginAdoption("7"));

        var later = DecideAndAccept(range, Read("1", 11m, 1), Read("2", 21m, 1));
        Assert.Null(later.Results[0]);
        Assert.Equal(0, Assert.Single(later.Forward).Index);
        Assert.Equal(["2"], later.Event!.Updates.Select(u => u.ProductId));
        Assert.Equal(10m, range.Find("1")!.Price);
        Assert.Equal(["2"], range.Owned.Select(p => p.ProductId));
    }

    [Fact]
    public void Replaying_the_events_or_restoring_the_snapshot_gives_the_same_range()
    {
        var range = new ProductRange("range-0");
        var events = new List<IProductRangeEvent>();
        events.Add(DecideAndAccept(range, Read("1", 10m, 0), Read("2", 20m, 0)).Event!);
        events.Add(DecideAndAccept(range, Read("2", 22m, 1, stock: 0)).Event!);
        range.BeginAdoption("1");
        events.Add(new ProductsAdopted("range-0", ["1"]));

        var replayed = new ProductRange("range-0");
        foreach (var e in events) replayed.Apply(e);
        var restored = new ProductRange("range-0");
        restored.Restore(range.Snapshot());
        foreach (var other in new[] { replayed, restored })
        {
            Assert.True(other.IsAdopted("1"));
            Assert.Equal(["2"], other.Owned.Select(p => p.ProductId));
            Assert.Equal(22m, other.Find("2")!.Price);
            Assert.Equal(0m, other.Find("2")!.StockByWarehouse["WH1"]);
            Assert.Equal(2, other.Find("2")!.Version);
        }
    }

    [Fact]
    public void A_product_entity_adopting_its_baseline_continues_its_version()
    {
        var range = new ProductRange("range-0");
        DecideAndAccept(range, Read("1", 10m, 0), Read("1", 11m, 1));
        var baseline = range.BeginAdoption("1")!;
        var state = ProductRules.Apply(ProductState.Empty("1"), new ProductAdopted("1", baseline.Version, baseline));
        Assert.Equal(2, state.Version);
        var (events, _) = ProductRules.Decide(state, Read("1", 12m, 2), _ => true);
        Assert.Equal(3, Assert.IsType<ProductUpdated>(Assert.Single(events)).Version);
        var (older, _) = ProductRules.Decide(state, Read("1", 9m, 0), _ => true);
        Assert.Empty(older);
    }

    [Fact]
    public void Range_offers_carry_the_origin_of_the_change_they_offer_and_a_withdrawal_none()
    {
        var offers = new RangeOffers(4);
        var scope = new ConnectionScope("cartona", []);
        var range = new ProductRange("range-0");
        DecideAndAccept(range, Read("1", 10m, 0));
        var product = Assert.Single(range.Owned);
        var origin = new ChangeOrigin(product.Version, DateTimeOffset.UnixEpoch, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        Assert.Equal(origin, Assert.Single(offers.Due(product, _ => scope, origin)).Origin);
        // Offered again after a crash: when that change was accepted is not known.
        offers.Stored(new PushOfferStored("1", "cartona", product.Version));
        Assert.Null(Assert.Single(offers.Due(product, _ => scope)).Origin);
        offers.Unlinked("1", ["cartona"]);
        var unlisted = product with { Listings = product.Listings.Clear() };
        Assert.Null(Assert.Single(offers.Due(unlisted, _ => scope, origin)).Origin);
    }

    [Fact]
    public void Range_offers_wait_for_every_product_a_stored_reply_settles_only_its_own_and_stored_products_are_forgotten()
    {
        var offers = new RangeOffers(4);
        var scope = new ConnectionScope("cartona", []);
        var range = new ProductRange("range-0");
        DecideAndAccept(range, Read("1", 10m, 0), Read("2", 20m, 0));
        var due = range.Owned.SelectMany(p => offers.Due(p, _ => scope)).ToList();
        Assert.Equal(2, due.Count);
        Assert.False(offers.AllStored);
        offers.Stored(new PushOfferStored("1", "cartona", 1));
        Assert.False(offers.AllStored);
        Assert.Equal("2", Assert.Single(offers.Unstored()).ProductId);
        offers.Stored(new PushOfferStored("2", "cartona", 1));
        Assert.True(offers.AllStored);
        // Stored products are forgotten: offered again in full, which the slices answer without writing.
        Assert.Equal(2, range.Owned.SelectMany(p => offers.Due(p, _ => scope)).Count());
    }
}
