using System.Net;

namespace CartonaActors.Sandbox.Tests.Ebay;

public sealed class EbayOfferTests
{
    private const string Offers = "sell/inventory/v1/offer";

    [Fact]
    public async Task Known_sku_returns_its_published_offer_and_counts_no_revision()
    {
        await using var scope = await EbayScope.StartAsync();
        var (status, body, _) = await scope.SendAsync(HttpMethod.Get, Offers + "?sku=RICE-1&marketplace_id=EBAY_US");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(scope.Emulator.BaseUrl + Offers + "?sku=RICE-1&marketplace_id=EBAY_US&limit=100&offset=0", body.GetProperty("href").GetString());
        Assert.Equal(100, body.GetProperty("limit").GetInt32());
        Assert.Equal(1, body.GetProperty("size").GetInt32());
        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.False(body.TryGetProperty("next", out _));
        Assert.False(body.TryGetProperty("prev", out _));
        var offer = Assert.Single(body.GetProperty("offers").EnumerateArray());
        Assert.Equal(scope.RiceOffer, offer.GetProperty("offerId").GetString());
        Assert.Equal("RICE-1", offer.GetProperty("sku").GetString());
        Assert.Equal("EBAY_US", offer.GetProperty("marketplaceId").GetString());
        Assert.Equal("FIXED_PRICE", offer.GetProperty("format").GetString());
        Assert.Equal(10, offer.GetProperty("availableQuantity").GetInt32());
        var price = offer.GetProperty("pricingSummary").GetProperty("price");
        Assert.Equal("19.99", price.GetProperty("value").GetString());
        Assert.Equal("USD", price.GetProperty("currency").GetString());
        var listing = offer.GetProperty("listing");
        Assert.Matches("^[0-9]{12}$", listing.GetProperty("listingId").GetString());
        Assert.Equal("ACTIVE", listing.GetProperty("listingStatus").GetString());
        Assert.Equal("PUBLISHED", offer.GetProperty("status").GetString());

        var oil = (await scope.SendAsync(HttpMethod.Get, Offers + "?sku=OIL-1&format=FIXED_PRICE")).Body.GetProperty("offers")[0];
        Assert.Equal("5.50", oil.GetProperty("pricingSummary").GetProperty("price").GetProperty("value").GetString());
        Assert.NotEqual(listing.GetProperty("listingId").GetString(), oil.GetProperty("listing").GetProperty("listingId").GetString());

        Assert.Equal(0, scope.Emulator.Catalog.Item("RICE-1")!.RevisionsTotal);
        Assert.Equal(0, scope.Emulator.Counters.RevisionsApplied);
        var call = scope.Emulator.Calls[0];
        Assert.Equal(("GET", Offers, 200, "inventory", "sku=RICE-1&marketplace_id=EBAY_US"), (call.Method, call.Path, call.Status, call.Api, call.Query));
    }

    [Fact]
    public async Task Offer_shows_the_price_and_quantity_a_bulk_update_set()
    {
        await using var scope = await EbayScope.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await scope.BulkAsync(EbayScope.Entry("RICE-1", scope.RiceOffer, 3, "17.50"))).Status);
        var offer = (await scope.SendAsync(HttpMethod.Get, Offers + "?sku=RICE-1")).Body.GetProperty("offers")[0];
        Assert.Equal(3, offer.GetProperty("availableQuantity").GetInt32());
        Assert.Equal("17.50", offer.GetProperty("pricingSummary").GetProperty("price").GetProperty("value").GetString());
        Assert.Equal(1, scope.Emulator.Catalog.Item("RICE-1")!.RevisionsTotal);
    }

    [Theory]
    [InlineData("?sku=NOPE-1&marketplace_id=EBAY_US")]
    [InlineData("?sku=RICE-1&marketplace_id=EBAY_GB")]
    [InlineData("?sku=RICE-1&format=AUCTION")]
    public async Task Sku_without_a_matching_offer_is_404_with_25713(string query)
    {
        await using var scope = await EbayScope.StartAsync();
        var (status, body, _) = await scope.SendAsync(HttpMethod.Get, Offers + query);
        Assert.Equal(HttpStatusCode.NotFound, status);
        var error = body.GetProperty("errors")[0];
        Assert.Equal(25713, error.GetProperty("errorId").GetInt32());
        Assert.Equal("API_INVENTORY", error.GetProperty("domain").GetString());
        Assert.Equal("REQUEST", error.GetProperty("category").GetString());
        Assert.Equal("This Offer is not available.", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("?marketplace_id=EBAY_US", 25707)]
    [InlineData("?sku=&marketplace_id=EBAY_US", 25707)]
    [InlineData("?sku=A123456789B123456789C123456789D123456789E123456789F", 25707)] // 51 characters
    [InlineData("?sku=RICE-1&limit=0", 25706)]
    [InlineData("?sku=RICE-1&offset=-1", 25706)]
    [InlineData("?sku=RICE-1&format=BEST", 25709)]
    public async Task Missing_or_bad_parameter_is_400(string query, int errorId)
    {
        await using var scope = await EbayScope.StartAsync();
        var (status, body, _) = await scope.SendAsync(HttpMethod.Get, Offers + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(errorId, body.FirstErrorId());
        Assert.Equal("API_INVENTORY", body.GetProperty("errors")[0].GetProperty("domain").GetString());
    }

    [Fact]
    public async Task Offset_is_a_page_number_and_a_page_past_the_end_is_empty()
    {
        await using var scope = await EbayScope.StartAsync();
        var (status, body, _) = await scope.SendAsync(HttpMethod.Get, Offers + "?sku=RICE-1&limit=1&offset=1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("offers").GetArrayLength());
        Assert.Equal(0, body.GetProperty("size").GetInt32());
        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.EndsWith("?sku=RICE-1&limit=1&offset=0", body.GetProperty("prev").GetString());
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        await using var scope = await EbayScope.StartAsync();
        scope.Clock.Advance(TimeSpan.FromHours(2));
        var (status, body, _) = await scope.SendAsync(HttpMethod.Get, Offers + "?sku=RICE-1&marketplace_id=EBAY_US");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(1001, body.FirstErrorId());
        Assert.Equal(1, scope.Emulator.Counters.ExpiredTokenAnswers);
        Assert.Equal(401, scope.Emulator.Calls.Single().Status);
    }

    [Fact]
    public async Task Reads_share_the_inventory_quota_and_take_scripted_faults()
    {
        await using var scope = await EbayScope.StartAsync(o => o.InventoryCallsPerDay = 2);
        scope.Emulator.Faults.FailNext(1, 503);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await scope.SendAsync(HttpMethod.Get, Offers + "?sku=RICE-1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendAsync(HttpMethod.Get, Offers + "?sku=RICE-1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await scope.BulkAsync(EbayScope.Entry("OIL-1", scope.OilOffer, 1, "1.00"))).Status);
        var (status, body, _) = await scope.SendAsync(HttpMethod.Get, Offers + "?sku=RICE-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(2001, body.FirstErrorId());
        Assert.Equal(1, scope.Emulator.Counters.QuotaRefusals);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendAsync(HttpMethod.Get, "sell/fulfillment/v1/order")).Status);
        Assert.Equal([503, 200, 200, 429, 200], scope.Emulator.Calls.Select(c => c.Status));
    }
}
