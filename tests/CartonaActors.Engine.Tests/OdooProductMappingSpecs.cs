using CartonaActors.Domain.Products;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Tests;

public class OdooProductMappingSpecs
{
    private static OdooVariant Variant(bool active = true, bool saleOk = true, bool unlimited = false) =>
        new(51, 9, "SKU-51", 12.5m, active, saleOk, 1, unlimited, new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_saleable_variant_is_listed_on_every_connection_under_its_variant_id()
    {
        var update = OdooProductMapping.ToUpdate(Variant(), new Dictionary<string, decimal> { ["CAI"] = 4, ["ALX"] = -2 }, ["cairo", "alex"]);
        Assert.Equal("51", update.ProductId);
        Assert.Equal(12.5m, update.Price);
        Assert.Equal(-2, update.StockByWarehouse!["ALX"]);
        Assert.All(update.Listings!, l => Assert.Equal(new ListingRef("InternalProductId", "51"), l.Ref));
        Assert.Equal(["cairo", "alex"], update.Listings!.Select(l => l.ConnectionId));
        Assert.Null(update.UnlinkConnections);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void An_archived_or_unsaleable_variant_is_unlisted(bool active, bool saleOk)
    {
        var update = OdooProductMapping.ToUpdate(Variant(active, saleOk), new Dictionary<string, decimal>(), ["cairo"]);
        Assert.Null(update.Listings);
        Assert.Equal(["cairo"], update.UnlinkConnections);
        Assert.Null(update.StockByWarehouse);
    }

    [Fact]
    public void The_unlimited_flag_is_carried()
    {
        Assert.True(OdooProductMapping.ToUpdate(Variant(unlimited: true), new Dictionary<string, decimal>(), ["c"]).UnlimitedStock);
    }
}
