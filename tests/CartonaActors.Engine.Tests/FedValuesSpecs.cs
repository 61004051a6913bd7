using CartonaActors.Domain.Products;
using CartonaActors.Engine.Erp;

namespace CartonaActors.Engine.Tests;

public class FedValuesSpecs
{
    private static UpdateProduct Update(decimal price, decimal qty, string connection = "c") =>
        new("51", price, new Dictionary<string, decimal> { ["WH1"] = qty }, false,
            [new ListingRequest(connection, new ListingRef("InternalProductId", "51"))], null);

    [Fact]
    public void Only_the_exact_values_last_accepted_count_as_unchanged()
    {
        var fed = new FedValues();
        Assert.False(fed.IsUnchanged(Update(10, 5)));
        fed.Remember(Update(10, 5));
        Assert.True(fed.IsUnchanged(Update(10, 5)));
        Assert.False(fed.IsUnchanged(Update(10, 4)));
        Assert.False(fed.IsUnchanged(Update(10.01m, 5)));
        Assert.False(fed.IsUnchanged(Update(10, 5, "other")));
        Assert.False(fed.IsUnchanged(Update(10, 5) with { UnlinkConnections = ["c"] }));
    }
}
