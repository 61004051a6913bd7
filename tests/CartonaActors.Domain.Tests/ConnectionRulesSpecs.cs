using System.Collections.Immutable;
using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Tests;

public class ConnectionRulesSpecs
{
    [Theory]
    [InlineData(0, 2, null, 10.005, 10.01)]      // half away from zero, to the platform's precision
    [InlineData(10, 2, null, 10, 11)]
    [InlineData(-15, 0, null, 9.99, 8)]         // a discount, whole units
    [InlineData(-50, 2, 6.0, 10, 6)]            // never below the minimum
    public void The_price_rule_marks_up_rounds_and_floors(double markup, int decimals, double? minimum, double erp, double shown) =>
        Assert.Equal((decimal)shown, new PriceRule((decimal)markup, decimals, (decimal?)minimum).Apply((decimal)erp));

    [Theory]
    [InlineData(0, null, 0, 7, 7)]
    [InlineData(3, null, 0, 7, 4)]
    [InlineData(3, null, 0, 2, 0)]              // never negative
    [InlineData(0, 50, 0, 80, 50)]              // at most the maximum shown
    [InlineData(0, null, 5, 4, 0)]              // below the threshold: zero
    [InlineData(2, 10, 3, 6, 4)]
    public void The_stock_rule_keeps_back_caps_and_zeroes(int buffer, int? max, int zeroBelow, int free, int shown) =>
        Assert.Equal(shown, new StockRule(buffer, max, zeroBelow).Apply(free));

    [Fact]
    public void Invalid_rules_name_their_setting()
    {
        Assert.Contains("PriceMarkupPercent", new PriceRule(-100, 2, null).Problem());
        Assert.Contains("PriceDecimals", new PriceRule(0, 7, null).Problem());
        Assert.Contains("StockSafetyBuffer", new StockRule(-1, null, 0).Problem());
        Assert.Null(new StockRule(0, null, 0).Problem());
    }

    private static ProductState Product(decimal price, params (string Warehouse, decimal Qty)[] stock) =>
        ProductState.Empty("sku-1") with
        {
            Version = 3,
            Price = price,
            StockByWarehouse = stock.Aggregate(ImmutableSortedDictionary<string, decimal>.Empty.WithComparers(StringComparer.Ordinal), (d, s) => d.SetItem(s.Warehouse, s.Qty)),
        };

    [Fact]
    public void Desired_values_pass_through_the_connections_rules_and_the_erp_values_stay_raw()
    {
        var state = Product(20m, ("WH1", 10), ("WH2", 3));
        var scope = new ConnectionScope("shop", [], new PriceRule(10, 2, null), new StockRule(5, null, 0));

        var desired = ProductRules.Desired(state, scope);

        Assert.Equal(new PushedValues(22.00m, false, 8), desired);
        Assert.Equal(20m, state.Price);
    }

    [Fact]
    public void A_per_location_connection_is_shown_each_locations_stock_with_holds_taken_first()
    {
        var state = Product(5m, ("WH1", 10), ("WH2", 3.7m), ("WH3", 4)) with
        {
            OrderHolds = ImmutableSortedDictionary<string, OrderHold>.Empty.Add("shop/o1", new OrderHold("shop", 2)),
        };
        var scope = new ConnectionScope("shop", ["WH1", "WH2"], null, new StockRule(1, null, 0),
            ImmutableSortedDictionary<string, string>.Empty.Add("WH1", "loc-a").Add("WH2", "loc-b").Add("WH3", "loc-c"));

        var desired = ProductRules.Desired(state, scope);

        // WH3 is not sold on this connection; 2 held units come off loc-a; each location keeps one unit back.
        Assert.Equal(ImmutableSortedDictionary<string, int>.Empty.Add("loc-a", 7).Add("loc-b", 2), desired.ByLocation);
        Assert.Equal(10, desired.Quantity); // 13 free - 2 held - 1 kept back
    }
}
