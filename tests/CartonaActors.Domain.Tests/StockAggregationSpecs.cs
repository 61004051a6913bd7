using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Tests;

public class StockAggregationSpecs
{
    private static readonly Dictionary<string, decimal> Stock = new() { ["A"] = 10.9m, ["B"] = 5m, ["C"] = -20m };

    [Fact]
    public void A_connection_sells_the_sum_of_its_warehouses_truncated()
    {
        Assert.Equal(15, StockAggregation.FreeQuantity(Stock, new ConnectionScope("x", ["A", "B"])));
        Assert.Equal(10, StockAggregation.FreeQuantity(Stock, new ConnectionScope("x", ["A"])));
    }

    [Fact]
    public void Negative_free_quantity_is_sent_as_zero()
    {
        Assert.Equal(0, StockAggregation.FreeQuantity(Stock, new ConnectionScope("x", ["C"])));
        Assert.Equal(0, StockAggregation.FreeQuantity(Stock, new ConnectionScope("x", [])));
    }

    [Fact]
    public void No_reported_stock_in_the_scope_means_no_quantity_is_sent()
    {
        Assert.Null(StockAggregation.FreeQuantity(Stock, new ConnectionScope("x", ["D"])));
    }
}
