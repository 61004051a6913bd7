using CartonaActors.Domain.Listings;
using CartonaActors.Domain.Products;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Tests;

public class OdooProductMappingSpecs
{
    private static readonly ListingRule ByVariantId = new(ListingSource.VariantId, null, "InternalProductId", null);

    private static OdooVariant Variant(bool active = true, bool saleOk = true, bool unlimited = false, Dictionary<string, string?>? fields = null) =>
        new(51, 9, "SKU-51", 12.5m, active, saleOk, 1, unlimited, new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc)) { Fields = fields };

    private static (string, ListingRule)[] On(params string[] connections) => connections.Select(c => (c, ByVariantId)).ToArray();

    [Fact]
    public void A_saleable_variant_is_listed_on_every_connection_under_its_variant_id()
    {
        var update = OdooProductMapping.ToUpdate(Variant(), new Dictionary<string, decimal> { ["CAI"] = 4, ["ALX"] = -2 }, On("cairo", "alex"));
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
        var update = OdooProductMapping.ToUpdate(Variant(active, saleOk), new Dictionary<string, decimal>(), On("cairo"));
        Assert.Null(update.Listings);
        Assert.Equal(["cairo"], update.UnlinkConnections);
        Assert.Null(update.StockByWarehouse);
    }

    [Fact]
    public void The_unlimited_flag_is_carried()
    {
        Assert.True(OdooProductMapping.ToUpdate(Variant(unlimited: true), new Dictionary<string, decimal>(), On("c")).UnlimitedStock);
    }

    [Fact]
    public void Each_connection_lists_by_its_own_rule_and_an_opt_in_field_decides_who_sells_it()
    {
        var byField = new ListingRule(ListingSource.ErpField, "x_cartona_id", "SupplierProductId", null);
        var bySku = new ListingRule(ListingSource.Sku, null, "external_id", "x_marketplace_sync");
        var byBarcode = new ListingRule(ListingSource.Barcode, null, "external_id", null);
        (string, ListingRule)[] connections = [("cartona", byField), ("shop", bySku), ("other", byBarcode)];

        var opted = OdooProductMapping.ToUpdate(Variant(fields: new() { ["x_cartona_id"] = "110774", ["x_marketplace_sync"] = "true", ["barcode"] = "622100" }),
            new Dictionary<string, decimal>(), connections);
        Assert.Equal([new ListingRef("SupplierProductId", "110774"), new ListingRef("external_id", "SKU-51"), new ListingRef("external_id", "622100")],
            opted.Listings!.Select(l => l.Ref));

        // Not opted in, no Cartona id, no barcode: sold nowhere, and unlisted where it was.
        var none = OdooProductMapping.ToUpdate(Variant(fields: new() { ["x_cartona_id"] = null, ["x_marketplace_sync"] = null, ["barcode"] = null }),
            new Dictionary<string, decimal>(), connections);
        Assert.Null(none.Listings);
        Assert.Equal(["cartona", "shop", "other"], none.UnlinkConnections);
    }
}
