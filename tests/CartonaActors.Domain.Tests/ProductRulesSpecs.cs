using System.Collections.Immutable;
using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Tests;

public class ProductRulesSpecs
{
    private static readonly ConnectionScope Everything = new("cartona", []);
    private static readonly ListingRef Ref51 = new("InternalProductId", "51");

    private static ProductState Fold(ProductState s, UpdateProduct cmd)
    {
        var (events, error) = ProductRules.Decide(s, cmd, c => c is "cartona" or "wh-b");
        Assert.Null(error);
        return events.Aggregate(s, ProductRules.Apply);
    }

    private static UpdateProduct Update(decimal? price = null, Dictionary<string, decimal>? stock = null, bool link = false) =>
        new("sku-1", price, stock, null, link ? [new ListingRequest("cartona", Ref51)] : null, null);

    [Fact]
    public void An_update_is_one_event_holding_only_what_changed_and_a_repeat_writes_nothing()
    {
        var s = Fold(ProductState.Empty("sku-1"), Update(10m, new() { ["A"] = 3 }, link: true));
        Assert.Equal(1, s.Version);
        var (events, _) = ProductRules.Decide(s, Update(10m, new() { ["A"] = 3 }, link: true), _ => true);
        Assert.Empty(events);
        var (more, _) = ProductRules.Decide(s, Update(10m, new() { ["A"] = 3, ["B"] = 1 }), _ => true);
        var updated = Assert.IsType<ProductUpdated>(Assert.Single(more));
        Assert.Equal(2, updated.Version);
        Assert.Null(updated.Price);
        Assert.Equal(new Dictionary<string, decimal> { ["B"] = 1 }, updated.Stock);
    }

    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static UpdateProduct Read(decimal price, int secondsAfterT0) => Update(price) with { ObservedAt = T0.AddSeconds(secondsAfterT0) };

    [Fact]
    public void An_ERP_read_that_started_before_the_applied_one_changes_nothing()
    {
        var s = Fold(ProductState.Empty("sku-1"), Read(23m, 2));
        Assert.True(ProductRules.IsOutdated(s, Read(21m, 1)));
        var (events, error) = ProductRules.Decide(s, Read(21m, 1), _ => true);
        Assert.Null(error);
        Assert.Empty(events);
        var newer = Assert.IsType<ProductUpdated>(Assert.Single(ProductRules.Decide(s, Read(24m, 3), _ => true).Events));
        Assert.Equal(T0.AddSeconds(3), newer.ObservedAt);
        Assert.Equal(T0.AddSeconds(3), ProductRules.Apply(s, newer).ErpObservedAt);
    }

    private static UpdateProduct Read(decimal price, double start, double end) =>
        Update(price) with { ObservedAt = T0.AddSeconds(start), ObservedUntil = T0.AddSeconds(end) };

    [Fact]
    public void Reads_are_ordered_by_when_they_could_have_seen_the_ERP_and_two_that_ran_together_are_not_ordered()
    {
        // A ran from 1 s to 4 s (it reached Odoo late and saw 27); B ran from 2 s to 3 s and saw 25.
        var s = Fold(ProductState.Empty("sku-1"), Read(27m, 1, 4));
        Assert.Equal((T0.AddSeconds(1), T0.AddSeconds(4)), (s.ErpObservedAt!.Value, s.ErpObservedUntil!.Value));
        Assert.Equal(ReadOrder.Uncertain, ProductRules.OrderOf(s, Read(25m, 2, 3)));
        Assert.Empty(ProductRules.Decide(s, Read(25m, 2, 3), _ => true).Events); // by start alone it would apply
        Assert.True(ProductRules.NeedsReadAgain(s, Read(25m, 2, 3), _ => true));
        Assert.False(ProductRules.NeedsReadAgain(s, Read(27m, 2, 3), _ => true)); // same values: nothing to settle
        Assert.Equal(s, ProductRules.Observed(s, Read(25m, 2, 3)));

        Assert.Equal(ReadOrder.Older, ProductRules.OrderOf(s, Read(20m, 0, 1)));
        Assert.False(ProductRules.NeedsReadAgain(s, Read(20m, 0, 1), _ => true));
        var newer = Assert.IsType<ProductUpdated>(Assert.Single(ProductRules.Decide(s, Read(25m, 4, 5), _ => true).Events));
        Assert.Equal((T0.AddSeconds(4), T0.AddSeconds(5)), (newer.ObservedAt!.Value, newer.ObservedUntil!.Value));
        Assert.Equal(T0.AddSeconds(5), ProductRules.Apply(s, newer).ErpObservedUntil);
    }

    [Fact]
    public void A_newer_read_that_changed_nothing_still_outdates_a_slower_read_started_before_it()
    {
        // 21 read at 1 s; Odoo went 21 -> 23 -> 21; the read at 3 s sees 21 again and writes nothing; the read
        // started at 2 s saw 23 and arrives last.
        var s = Fold(ProductState.Empty("sku-1"), Read(21m, 1));
        Assert.Empty(ProductRules.Decide(s, Read(21m, 3), _ => true).Events);
        s = ProductRules.Observed(s, Read(21m, 3));
        Assert.Empty(ProductRules.Decide(s, Read(23m, 2), _ => true).Events);
        Assert.Equal(T0.AddSeconds(3), ProductRules.Observed(s, Read(23m, 2)).ErpObservedAt);
    }

    [Fact]
    public void Values_set_directly_apply_whatever_ERP_read_was_applied_and_leave_the_newest_read_alone()
    {
        var s = Fold(ProductState.Empty("sku-1"), Read(21m, 5));
        s = Fold(s, Update(30m));
        Assert.Equal(30m, s.Price);
        Assert.Equal(T0.AddSeconds(5), s.ErpObservedAt);
        Assert.True(ProductRules.IsOutdated(s, Read(22m, 4)));
    }

    [Fact]
    public void Journals_written_with_per_field_events_still_fold_to_the_same_state()
    {
        var reference = new ListingRef("InternalProductId", "51");
        IProductEvent[] legacy =
        [
            new ListingLinked("sku-1", "cartona", reference, 1), new PriceSet("sku-1", 10m, 2), new StockSet("sku-1", "A", 3, 3),
            new UnlimitedStockSet("sku-1", false, 4),
        ];
        var old = legacy.Aggregate(ProductState.Empty("sku-1"), ProductRules.Apply);
        var now = Fold(ProductState.Empty("sku-1"), new UpdateProduct("sku-1", 10m, new Dictionary<string, decimal> { ["A"] = 3 }, false,
            [new ListingRequest("cartona", reference)], null));
        Assert.Equal(ProductRules.Desired(now, Everything), ProductRules.Desired(old, Everything));
        Assert.Equal(now.Listings["cartona"].Ref, old.Listings["cartona"].Ref);
        var (sameAgain, _) = ProductRules.Decide(old, new UpdateProduct("sku-1", 10m, new Dictionary<string, decimal> { ["A"] = 3 }, false,
            [new ListingRequest("cartona", reference)], null), _ => true);
        Assert.Empty(sameAgain);
    }

    [Fact]
    public void Unlimited_stock_is_sent_without_a_quantity()
    {
        var s = Fold(ProductState.Empty("sku-1"), Update(10m, new() { ["A"] = 3 }, link: true));
        s = Fold(s, new UpdateProduct("sku-1", null, null, true, null, null));
        Assert.Equal(new PushedValues(10m, true, null), ProductRules.Desired(s, Everything));
    }

    [Theory]
    [InlineData(-1, "price must be between")]
    [InlineData(2_000_000_000, "price must be between")]
    public void Invalid_price_is_refused_with_the_field_named(decimal price, string message)
    {
        var (events, error) = ProductRules.Decide(ProductState.Empty("sku-1"), Update(price), _ => true);
        Assert.Empty(events);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Unknown_connection_and_empty_updates_are_refused()
    {
        var unknown = new UpdateProduct("sku-1", null, null, null, [new ListingRequest("nope", Ref51)], null);
        Assert.Contains("unknown connection 'nope'", ProductValidation.Validate(unknown, _ => false));
        Assert.Contains("nothing to update", ProductValidation.Validate(new UpdateProduct("sku-1", null, null, null, null, null), _ => true));
        Assert.Contains("whitespace", ProductValidation.ValidateProductId("a b"));
    }

    private static Dictionary<string, decimal> Warehouses(int from, int count) =>
        Enumerable.Range(from, count).ToDictionary(w => "W" + w, _ => 1m);

    [Fact]
    public void A_product_names_at_most_MaxWarehouses_warehouses_over_all_its_updates()
    {
        var full = Fold(ProductState.Empty("sku-1"), Update(stock: Warehouses(0, ProductValidation.MaxWarehouses)));
        var (events, error) = ProductRules.Decide(full, Update(stock: Warehouses(ProductValidation.MaxWarehouses, 1)), _ => true);
        Assert.Empty(events);
        Assert.Contains($"this change would make {ProductValidation.MaxWarehouses + 1}", error);
        // A full product still takes new quantities for the warehouses it has.
        Assert.Single(ProductRules.Decide(full, Update(stock: new() { ["W0"] = 7 }), _ => true).Events);
        Assert.Contains("at most", ProductValidation.Validate(Update(stock: Warehouses(0, ProductValidation.MaxWarehouses + 1)), _ => true));
    }

    [Fact]
    public void A_listing_carries_a_bounded_number_of_short_keys()
    {
        static UpdateProduct Keyed(IEnumerable<(string, string)> keys) => new("sku-1", null, null, null,
            [new ListingRequest("cartona", Ref51 with { Keys = keys.ToImmutableSortedDictionary(k => k.Item1, k => k.Item2) })], null);
        Assert.Null(ProductValidation.Validate(Keyed(Enumerable.Range(0, ProductValidation.MaxListingKeys).Select(i => ("k" + i, "v"))), _ => true));
        Assert.Contains($"at most {ProductValidation.MaxListingKeys} keys",
            ProductValidation.Validate(Keyed(Enumerable.Range(0, ProductValidation.MaxListingKeys + 1).Select(i => ("k" + i, "v"))), _ => true));
        Assert.Contains("key names must be", ProductValidation.Validate(Keyed([("k", new string('v', ProductValidation.MaxIdLength + 1))]), _ => true));
        Assert.Contains("key names must be", ProductValidation.Validate(Keyed([(" ", "v")]), _ => true));
    }
}

public class OversellSpecs
{
    [Fact]
    public void Quantities_of_pulled_orders_are_kept_off_their_connection_until_released()
    {
        var scope = new ConnectionScope("cartona", []);
        var s = ProductRules.Apply(ProductState.Empty("51"), new ProductUpdated("51", 1, 10m, null, new Dictionary<string, decimal> { ["WH1"] = 10 },
            [new ListingRequest("cartona", new ListingRef("InternalProductId", "51"))], null));
        s = ProductRules.Apply(s, ProductRules.Decide(s, new HoldOrderQuantity("51", "cartona/A", "cartona", 3))!);
        s = ProductRules.Apply(s, ProductRules.Decide(s, new HoldOrderQuantity("51", "other/B", "other", 4))!);
        Assert.Equal(7, ProductRules.Desired(s, scope).Quantity);
        Assert.Null(ProductRules.Decide(s, new HoldOrderQuantity("51", "cartona/A", "cartona", 3)));
        s = ProductRules.Apply(s, ProductRules.Decide(s, new HoldOrderQuantity("51", "cartona/C", "cartona", 20))!);
        Assert.Equal(0, ProductRules.Desired(s, scope).Quantity);
        s = ProductRules.Apply(s, ProductRules.Decide(s, new ReleaseOrderQuantity("51", "cartona/C"))!);
        s = ProductRules.Apply(s, ProductRules.Decide(s, new ReleaseOrderQuantity("51", "cartona/A"))!);
        Assert.Equal(10, ProductRules.Desired(s, scope).Quantity);
        Assert.Null(ProductRules.Decide(s, new ReleaseOrderQuantity("51", "cartona/A")));
    }
}
