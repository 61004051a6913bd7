using System.Net;

namespace CartonaActors.Sandbox.Tests.Amazon;

public sealed class AmazonListingsTests
{
    [Fact]
    public async Task Patch_is_accepted_then_visible_later()
    {
        await using var scope = await AmazonScope.StartAsync(o => o.FeedStepDelay = TimeSpan.FromMilliseconds(300));
        var body = await scope.OkAsync(HttpMethod.Patch, scope.ListingPath("SKU-1"), new { productType = "PRODUCT", patches = scope.Patches(42, 19.99m) });
        Assert.Equal("SKU-1", body.Str("sku"));
        Assert.Equal("ACCEPTED", body.Str("status"));
        Assert.False(string.IsNullOrEmpty(body.Str("submissionId")));
        Assert.Equal(0, body.GetProperty("issues").GetArrayLength());
        Assert.Equal(5, scope.Emulator.Catalog.Listing("SKU-1")!.Quantity); // not yet applied

        await Eventually.TrueAsync(() => scope.Emulator.Catalog.Listing("SKU-1")!.PatchesApplied == 1);
        var listing = scope.Emulator.Catalog.Listing("SKU-1")!;
        Assert.Equal(42, listing.Quantity);
        Assert.Equal(19.99m, listing.Price);
        var read = await scope.OkAsync(HttpMethod.Get, scope.ListingPath("SKU-1") + "&includedData=offers,fulfillmentAvailability");
        Assert.Equal(42, read.GetProperty("fulfillmentAvailability")[0].GetProperty("quantity").GetInt32());
        Assert.Equal("19.99", read.GetProperty("offers")[0].GetProperty("price").Str("amount"));
    }

    [Fact]
    public async Task Of_many_quick_patches_the_last_one_accepted_wins()
    {
        await using var scope = await AmazonScope.StartAsync(o => o.FeedStepDelay = TimeSpan.FromMilliseconds(50));
        for (var q = 1; q <= 20; q++)
            Assert.Equal("ACCEPTED", (await scope.OkAsync(HttpMethod.Patch, scope.ListingPath("SKU-1"),
                new { productType = "PRODUCT", patches = scope.Patches(q) })).Str("status"));
        await Eventually.TrueAsync(() => scope.Emulator.Catalog.Listing("SKU-1")!.PatchesApplied == 20);
        Assert.Equal(20, scope.Emulator.Catalog.Listing("SKU-1")!.Quantity);
        Assert.Equal(20, scope.Emulator.Counters.PatchCalls);
    }

    [Fact]
    public async Task Unknown_or_failing_sku_is_invalid_with_an_error_issue()
    {
        await using var scope = await AmazonScope.StartAsync();
        scope.Emulator.Faults.FailFeedMessages("SKU-2");
        foreach (var sku in new[] { "NOPE", "SKU-2" })
        {
            var body = await scope.OkAsync(HttpMethod.Patch, scope.ListingPath(sku), new { productType = "PRODUCT", patches = scope.Patches(1) });
            Assert.Equal("INVALID", body.Str("status"));
            var issue = body.GetProperty("issues")[0];
            Assert.Equal("ERROR", issue.Str("severity"));
            Assert.False(string.IsNullOrEmpty(issue.Str("code")));
            Assert.False(string.IsNullOrEmpty(issue.Str("message")));
        }
        Assert.Equal(7, scope.Emulator.Catalog.Listing("SKU-2")!.Quantity);
    }

    [Fact]
    public async Task A_sku_with_reserved_characters_is_addressed_by_its_escaped_path_segment()
    {
        await using var scope = await AmazonScope.StartAsync();
        const string sku = "RICE 1kg/5%";
        scope.Emulator.Catalog.AddListing(sku, 3m, 1);
        var body = await scope.OkAsync(HttpMethod.Patch, scope.ListingPath(sku), new { productType = "PRODUCT", patches = scope.Patches(8) });
        Assert.Equal(("ACCEPTED", sku), (body.Str("status"), body.Str("sku")));
        await Eventually.TrueAsync(() => scope.Emulator.Catalog.Listing(sku)!.Quantity == 8);
        Assert.Equal($"/listings/2021-08-01/items/{scope.Seller}/{sku}", scope.Emulator.Calls[^1].Path);
    }

    [Fact]
    public async Task Malformed_requests_are_400()
    {
        await using var scope = await AmazonScope.StartAsync();
        var good = new { productType = "PRODUCT", patches = scope.Patches(1) };
        var cases = new (string Path, object Body)[]
        {
            ($"listings/2021-08-01/items/OTHER/SKU-1?marketplaceIds={scope.Marketplace}", good),
            ($"listings/2021-08-01/items/{scope.Seller}/SKU-1", good),
            ($"listings/2021-08-01/items/{scope.Seller}/SKU-1?marketplaceIds=A1PA6795UKMFR9", good),
            (scope.ListingPath("SKU-1"), new { productType = "PRODUCT", patches = new[] { new { op = "move", path = "/attributes/fulfillment_availability", value = Array.Empty<object>() } } }),
            (scope.ListingPath("SKU-1"), new { productType = "PRODUCT", patches = new[] { new { op = "replace", path = "/attributes/item_name", value = new[] { new { value = "x" } } } } }),
            (scope.ListingPath("SKU-1"), new { patches = scope.Patches(1) }),
        };
        foreach (var (path, body) in cases)
        {
            var (status, json) = await scope.SendAsync(HttpMethod.Patch, path, body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("InvalidInput", json.ErrorCode());
        }
    }
}
