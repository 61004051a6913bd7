using CartonaActors.Domain.Products;
using CartonaActors.Domain.ReadBack;
using CartonaActors.Domain.Sync;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Marketplaces.Tests.Cartona;

/// <summary>Reading back Cartona's product list, and the bulk answers that cannot be trusted item by item.</summary>
public sealed class CartonaReadBackTests
{
    [Fact]
    public async Task A_page_of_the_list_gives_each_product_under_both_its_ids_with_what_it_shows()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Catalog.Seed([(1, "a"), (2, "b"), (3, "c")]);
        await scope.Client.PushAsync([Items.ByInternalId("a", price: 12.5m, quantity: 4), Items.ByInternalId("b", price: 3m, unlimited: true)], CancellationToken.None);
        scope.Emulator.Catalog.Edit("a", p => p with { IsPublished = false });

        var (outcome, page) = await ((IMarketplaceListings)scope.Client).ReadListingsAsync(new ListingPageRequest(1, 2), CancellationToken.None);

        Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.False(page!.Last);
        Assert.Equal(2, page.Items.Count);
        Assert.Equal([new ListingRef("SupplierProductId", "1"), new ListingRef("InternalProductId", "a")], page.Items[0].Refs);
        Assert.Equal(new PushedValues(12.5m, false, 4, Published: false), page.Items[0].Shown);
        Assert.Equal(new PushedValues(3.0m, true, null, Published: true), page.Items[1].Shown);
        Assert.Equal("?page=1&per_page=2", scope.Emulator.Calls.Last().Query);

        var (_, last) = await ((IMarketplaceListings)scope.Client).ReadListingsAsync(new ListingPageRequest(2, 2), CancellationToken.None);
        Assert.True(last!.Last);
        Assert.Equal(new PushedValues(null, false, 0, Published: true), Assert.Single(last.Items).Shown);
    }

    [Theory]
    [InlineData(200, "{\"unexpected\": true}", "TransientFailure")]
    [InlineData(200, "not json", "TransientFailure")]
    [InlineData(200, "[{\"internal_product_id\": \"a\"}]", "TransientFailure")] // no id: unreadable
    [InlineData(429, "{}", "RateLimited")]
    [InlineData(503, "{}", "TransientFailure")]
    [InlineData(401, "{\"error\": \"unauthorized\"}", "AuthenticationFailed")]
    public async Task A_list_answer_that_cannot_be_read_is_a_failure_not_an_empty_page(int status, string body, string kind)
    {
        using var server = new EchoServer(status, body);
        using var client = new CartonaActors.Marketplaces.Cartona.CartonaClient(ClientScope.Settings(server.BaseUrl));
        var (outcome, page) = await client.ReadListingsAsync(new ListingPageRequest(1, 100), CancellationToken.None);
        Assert.Null(page);
        Assert.Equal(kind, outcome.GetType().Name);
    }

    [Fact]
    public async Task A_failed_entry_that_names_no_item_of_the_batch_is_reported_as_unattributed_not_ignored()
    {
        const string answer = "{\"updated\": 1, \"failed\": [{\"internal_product_id\": \"zz\", \"errors\": [\"price too low\"]}, {\"supplier_product_id\": 7, \"errors\": [\"blocked\"]}]}";
        using var server = new EchoServer(200, answer);
        using var client = new CartonaActors.Marketplaces.Cartona.CartonaClient(ClientScope.Settings(server.BaseUrl));

        var outcome = await client.PushAsync([Items.ByInternalId("a", quantity: 1), Items.BySupplierId("7", quantity: 2)], CancellationToken.None);

        var accepted = Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.Equal([new ItemRejection(1, "blocked")], accepted.Rejected); // matched by supplier_product_id
        Assert.Equal(["price too low"], accepted.Unattributed);
        Assert.False(accepted.Verified);
    }
}
