using System.Net;
using System.Text.Json;

namespace CartonaActors.Sandbox.Tests.Ebay;

public sealed class EbayInventoryTests
{
    [Fact]
    public async Task Twenty_five_entries_are_200_and_twenty_six_are_400()
    {
        await using var scope = await EbayScope.StartAsync();
        var offers = Enumerable.Range(0, 26).Select(i => scope.Emulator.Catalog.AddItem($"SKU-{i}", 1m, 1)).ToList();
        var entries = offers.Select((o, i) => EbayScope.Entry($"SKU-{i}", o, 7, "2.50")).ToArray();

        var (ok, body, _) = await scope.BulkAsync(entries[..25]);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(25, body.GetProperty("responses").GetArrayLength());
        var first = body.GetProperty("responses")[0];
        Assert.Equal(200, first.GetProperty("statusCode").GetInt32());
        Assert.Equal("SKU-0", first.GetProperty("sku").GetString());
        Assert.Equal(offers[0], first.GetProperty("offerId").GetString());
        Assert.Equal(0, first.GetProperty("errors").GetArrayLength());
        Assert.Equal(new CartonaActors.Sandbox.Ebay.EbayListing("SKU-0", offers[0], 2.50m, 7, 1, 1), scope.Emulator.Catalog.Item("SKU-0"));

        var (tooMany, error, _) = await scope.BulkAsync(entries);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany);
        Assert.Equal(25002, error.FirstErrorId());
        Assert.Equal(1m, scope.Emulator.Catalog.Item("SKU-25")!.Price);
        Assert.Equal(1, scope.Emulator.Counters.BulkCalls);
        Assert.Equal(25, scope.Emulator.Counters.RevisionsApplied);
    }

    [Fact]
    public async Task Rejected_sku_fails_alone_with_207()
    {
        await using var scope = await EbayScope.StartAsync();
        scope.Emulator.Faults.RejectSku("RICE-1", "The listing is under review.");
        var (status, body, _) = await scope.BulkAsync(EbayScope.Entry("RICE-1", scope.RiceOffer, 3, "18.00"), EbayScope.Entry("OIL-1", scope.OilOffer, 9, "6.00"));
        Assert.Equal((HttpStatusCode)207, status);
        var rice = body.GetProperty("responses")[0];
        Assert.Equal(400, rice.GetProperty("statusCode").GetInt32());
        Assert.Equal("The listing is under review.", rice.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("API_INVENTORY", rice.GetProperty("errors")[0].GetProperty("domain").GetString());
        Assert.Equal(200, body.GetProperty("responses")[1].GetProperty("statusCode").GetInt32());
        Assert.Equal(19.99m, scope.Emulator.Catalog.Item("RICE-1")!.Price);
        Assert.Equal(6.00m, scope.Emulator.Catalog.Item("OIL-1")!.Price);
    }

    [Theory]
    [InlineData("RICE-1", null, 1, "abc", "USD", 25003)]
    [InlineData("RICE-1", null, 1, "10.00", "EUR", 25709)]
    [InlineData("RICE-1", null, -1, "10.00", "USD", 25004)]
    [InlineData("NOPE", null, 1, "10.00", "USD", 25702)]
    [InlineData("RICE-1", "999", 1, "10.00", "USD", 25713)]
    public async Task Invalid_entry_gets_its_own_error(string sku, string? offerId, int quantity, string price, string currency, int errorId)
    {
        await using var scope = await EbayScope.StartAsync();
        var (status, body, _) = await scope.BulkAsync(EbayScope.Entry(sku, offerId ?? scope.RiceOffer, quantity, price, currency),
            EbayScope.Entry("OIL-1", scope.OilOffer, 1, "1.00"));
        Assert.Equal((HttpStatusCode)207, status);
        var bad = body.GetProperty("responses")[0];
        Assert.NotEqual(200, bad.GetProperty("statusCode").GetInt32());
        Assert.Equal(errorId, bad.GetProperty("errors")[0].GetProperty("errorId").GetInt32());
        Assert.Equal(10, scope.Emulator.Catalog.Item("RICE-1")!.Quantity);
    }

    [Fact]
    public async Task Sixth_revision_of_a_day_fails_for_that_offer_only_until_pacific_midnight()
    {
        await using var scope = await EbayScope.StartAsync(o => o.RevisionsPerListingPerDay = 5);
        for (var i = 1; i <= 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await scope.BulkAsync(EbayScope.Entry("RICE-1", scope.RiceOffer, i, "19.99"))).Status);

        var (status, body, _) = await scope.BulkAsync(EbayScope.Entry("RICE-1", scope.RiceOffer, 6, "19.99"), EbayScope.Entry("OIL-1", scope.OilOffer, 6, "5.50"));
        Assert.Equal((HttpStatusCode)207, status);
        Assert.Equal(25019, body.GetProperty("responses")[0].GetProperty("errors")[0].GetProperty("errorId").GetInt32());
        Assert.Equal(200, body.GetProperty("responses")[1].GetProperty("statusCode").GetInt32());
        Assert.Equal(5, scope.Emulator.Catalog.Item("RICE-1")!.Quantity);
        Assert.Equal(1, scope.Emulator.Counters.RevisionCapRefusals);

        // An unchanged entry is no revision, so it still succeeds.
        Assert.Equal(HttpStatusCode.OK, (await scope.BulkAsync(EbayScope.Entry("RICE-1", scope.RiceOffer, 5, "19.99"))).Status);

        scope.Clock.Advance(TimeSpan.FromHours(1)); // 00:30 UTC, still 16:30 in Los Angeles
        Assert.Equal((HttpStatusCode)207, (await scope.BulkAsync(EbayScope.Entry("RICE-1", scope.RiceOffer, 6, "19.99"))).Status);

        scope.Clock.Advance(TimeSpan.FromHours(7.5)); // 08:00 UTC = Pacific midnight
        scope.Token = scope.Emulator.IssueAccessToken().AccessToken; // the 2-hour token died on the way
        Assert.Equal(HttpStatusCode.OK, (await scope.BulkAsync(EbayScope.Entry("RICE-1", scope.RiceOffer, 6, "19.99"))).Status);
        var rice = scope.Emulator.Catalog.Item("RICE-1")!;
        Assert.Equal((6, 1, 6), (rice.Quantity, rice.RevisionsToday, rice.RevisionsTotal));
        Assert.Equal(2, scope.Emulator.Counters.RevisionCapRefusals);
    }

    [Fact]
    public async Task Quantity_only_entry_answers_the_sku_without_offer()
    {
        await using var scope = await EbayScope.StartAsync();
        var (status, body, _) = await scope.BulkAsync(new { sku = "OIL-1", shipToLocationAvailability = new { quantity = 3 } });
        Assert.Equal(HttpStatusCode.OK, status);
        var r = body.GetProperty("responses")[0];
        Assert.Equal("OIL-1", r.GetProperty("sku").GetString());
        Assert.False(r.TryGetProperty("offerId", out _));
        Assert.Equal(3, scope.Emulator.Catalog.Item("OIL-1")!.Quantity);
        Assert.Equal(JsonValueKind.Array, r.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public async Task Concurrent_revisions_never_pass_the_cap()
    {
        await using var scope = await EbayScope.StartAsync(o => o.RevisionsPerListingPerDay = 5);
        var answers = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => scope.BulkAsync(EbayScope.Entry("RICE-1", scope.RiceOffer, 100 + i, "19.99"))));
        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(7, scope.Emulator.Counters.RevisionCapRefusals);
        Assert.Equal(5, scope.Emulator.Catalog.Item("RICE-1")!.RevisionsToday);
    }
}
