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
