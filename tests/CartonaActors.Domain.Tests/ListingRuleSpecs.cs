using CartonaActors.Domain.Listings;
using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Tests;

public class ListingRuleSpecs
{
    private static readonly ErpVariantKeys Variant = new(51, "SKU-51", "6221000", new Dictionary<string, string?>
    {
        ["x_cartona_id"] = "110774", ["x_sync"] = "true", ["x_off"] = null,
    });

    [Theory]
    [InlineData(ListingSource.VariantId, null, "51")]
    [InlineData(ListingSource.ErpField, "x_cartona_id", "110774")]
    [InlineData(ListingSource.Sku, null, "SKU-51")]
    [InlineData(ListingSource.Barcode, null, "6221000")]
    public void A_variant_is_listed_under_the_key_its_connection_names(ListingSource source, string? field, string key) =>
        Assert.Equal(new ListingRef("k", key), new ListingRule(source, field, "k", null).ListingFor(Variant));

    [Fact]
    public void Only_opted_in_variants_with_a_key_are_listed()
    {
        Assert.NotNull(new ListingRule(ListingSource.VariantId, null, "k", "x_sync").ListingFor(Variant));
        Assert.Null(new ListingRule(ListingSource.VariantId, null, "k", "x_off").ListingFor(Variant));
        Assert.Null(new ListingRule(ListingSource.ErpField, "x_off", "k", null).ListingFor(Variant));
        Assert.Equal(["x_cartona_id", "x_sync"], new ListingRule(ListingSource.ErpField, "x_cartona_id", "k", "x_sync").ErpFields());
    }

    [Fact]
    public void Listing_refs_with_the_same_keys_are_equal()
    {
        var a = new ListingRef("variant", "1", System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("inventory_item", "9"));
        var b = new ListingRef("variant", "1", System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("inventory_item", "9"));
        Assert.Equal(a, b);
        Assert.Equal("9", a.Key("inventory_item"));
        Assert.NotEqual(a, new ListingRef("variant", "1"));
    }
}
