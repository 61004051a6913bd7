namespace CartonaActors.Sandbox.Tests.Shopify;

public sealed class ShopifyCatalogTests
{
    private const string Bulk = """
        mutation($p: ID!, $v: [ProductVariantsBulkInput!]!) {
          productVariantsBulkUpdate(productId: $p, variants: $v) { product { id } productVariants { id price } userErrors { field message code } }
        }
        """;

    [Fact]
    public async Task Bulk_price_is_all_or_nothing()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var bad = await scope.QueryAsync(Bulk, new
        {
            p = scope.Product.ProductId,
            v = new object[] { new { id = scope.Product.VariantIds[0], price = "30.00" }, new { id = scope.Product.VariantIds[1], price = "-1" } },
        });
        Assert.Equal(["variants", "1", "price"],
            bad.Path("data", "productVariantsBulkUpdate", "userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(25m, scope.Emulator.Catalog.Variant("RICE-1")!.Price);

        var good = await scope.QueryAsync(Bulk, new { p = scope.Product.ProductId, v = new[] { new { id = scope.Product.VariantIds[0], price = "30.50" } } });
        Assert.Equal("30.50", good.Path("data", "productVariantsBulkUpdate", "productVariants")[0].GetProperty("price").GetString());
        Assert.Equal(30.5m, scope.Emulator.Catalog.Variant("RICE-1")!.Price);
        Assert.Equal(1, scope.Emulator.Counters.VariantsUpdated);
    }

    [Fact]
    public async Task Variant_of_another_product_is_refused()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var other = scope.Emulator.Catalog.AddProduct("Oil", ("OIL-1", null, 80m));
        var body = await scope.QueryAsync(Bulk, new { p = scope.Product.ProductId, v = new[] { new { id = other.VariantIds[0], price = "1.00" } } });
        Assert.Equal("id", body.Path("data", "productVariantsBulkUpdate", "userErrors")[0].GetProperty("field")[2].GetString());
        Assert.Equal(80m, scope.Emulator.Catalog.Variant("OIL-1")!.Price);
    }

    [Fact]
    public async Task Variants_are_found_by_sku_or_barcode()
    {
        await using var scope = await ShopifyScope.StartAsync();
        scope.Emulator.Catalog.AddProduct("Odd", ("ODD \"1\" X", null, 1m));
        var body = await scope.QueryAsync("""
            query($q: String!) { productVariants(first: 10, query: $q) { nodes { sku inventoryItem { inventoryLevels(first: 5) {
              nodes { location { name } quantities(names: ["available"]) { name quantity } } } } } } }
            """, new { q = "sku:RICE-1 OR barcode:6221000000055 OR sku:\"ODD \\\"1\\\" X\"" });
        var skus = body.Path("data", "productVariants", "nodes").EnumerateArray().Select(n => n.GetProperty("sku").GetString()).ToList();
        Assert.Equal(["RICE-1", "RICE-5", "ODD \"1\" X"], skus);
        var level = body.Path("data", "productVariants", "nodes")[0].Path("inventoryItem", "inventoryLevels", "nodes")[0];
        Assert.Equal("Cairo", level.Path("location", "name").GetString());
        Assert.Equal(0, level.GetProperty("quantities")[0].GetProperty("quantity").GetInt32());
    }
}
