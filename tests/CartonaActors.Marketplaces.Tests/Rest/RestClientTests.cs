using System.Collections.Immutable;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Marketplaces.Rest;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Marketplaces.Tests.Rest;

/// <summary>The generic REST client against the contract's emulator over loopback.</summary>
public sealed class RestClientTests : IAsyncLifetime
{
    private const string Token = "rest-tok-Q9v2-secret-88";
    private RestMarketplaceEmulator _emulator = null!;
    private PlatformConnection _connection = null!;
    private RestClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await RestMarketplaceEmulator.StartAsync(new RestMarketplaceEmulatorOptions
        {
            Tokens = new HashSet<string> { Token }, RequestsPerSecond = 1000, Burst = 1000,
        });
        _emulator.Catalog.Seed(["51", "52", "53"]);
        _connection = new PlatformRegistry().Add(new RestPlatform()).Open(new ConnectionSettings
        {
            Name = "shop", Platform = "rest", BaseUrl = _emulator.BaseUrl, Token = Token, Timeout = TimeSpan.FromSeconds(5),
            Settings = { ["Currency"] = "EGP" },
        });
        _client = Assert.IsType<RestClient>(_connection.CreateClient());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private static PushItem Item(string id, decimal? price, int? qty, long version, ImmutableSortedDictionary<string, int>? byLocation = null) =>
        new("sku-" + id, "shop", new ListingRef(RestPlatform.ExternalId, id), new PushedValues(price, qty is null ? null : false, qty, byLocation), version);

    [Fact]
    public void The_platform_states_its_limits_and_listing_kinds()
    {
        Assert.Equal(500, _connection.Limits.MaxBatchSize);
        Assert.Equal(2, _connection.Limits.CallsPerPush);
        Assert.Equal(new PacingModel.RequestRate(10, 20), _connection.Limits.Pacing);
        Assert.False(_connection.Orders!.AcknowledgesOrders);
        Assert.Null(_connection.ListingProblem(new ListingRef("external_id", "1")));
        Assert.NotNull(_connection.ListingProblem(new ListingRef("InternalProductId", "1")));
    }

    [Fact]
    public async Task A_push_sends_prices_and_stock_per_location_with_versions_and_idempotency_keys()
    {
        var outcome = await _client.PushAsync(
            [Item("51", 12.5m, 7, 3), Item("52", null, 4, 9, ImmutableSortedDictionary<string, int>.Empty.Add("WH1", 3).Add("WH2", 1))],
            CancellationToken.None);

        var accepted = Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.Empty(accepted.Rejected);
        Assert.True(accepted.Verified);
        Assert.Equal(12.5m, _emulator.Catalog.Get("51")!.Price);
        Assert.Equal("EGP", _emulator.Catalog.Get("51")!.Currency);
        Assert.Equal(7, _emulator.Catalog.Get("51")!.AvailableAt());
        Assert.Equal((3, 1), (_emulator.Catalog.Get("52")!.AvailableAt("WH1"), _emulator.Catalog.Get("52")!.AvailableAt("WH2")));
        Assert.All(_emulator.Calls, c => Assert.True(c.HasIdempotencyKey));
        Assert.Equal(["/v1/prices:batch", "/v1/inventory:batch"], _emulator.Calls.Select(c => c.Path));
    }

    [Fact]
    public async Task A_retried_push_is_replayed_not_applied_twice_and_an_older_version_never_overwrites()
    {
        _emulator.Faults.Enqueue(new RestFault.CommitThenFail(), 1, "v1/prices:batch");
        var batch = new[] { Item("51", 20m, 5, 4) };
        Assert.IsType<CallOutcome.TransientFailure>(await _client.PushAsync(batch, CancellationToken.None));
        Assert.IsType<CallOutcome.Accepted>(await _client.PushAsync(batch, CancellationToken.None));
        Assert.Equal(1, _emulator.Counters.IdempotentReplays);

        await _client.PushAsync([Item("51", 1m, 1, 2)], CancellationToken.None); // a late, older push
        Assert.Equal((20m, 5), (_emulator.Catalog.Get("51")!.Price, _emulator.Catalog.Get("51")!.AvailableAt()));
    }

    [Fact]
    public async Task Per_item_refusals_of_both_calls_are_merged_by_item()
    {
        _emulator.Faults.RejectItem("52", "listing_blocked", "blocked by the marketplace");
        var outcome = Assert.IsType<CallOutcome.Accepted>(await _client.PushAsync(
            [Item("51", 1m, 1, 1), Item("52", 2m, 2, 1), Item("99", 3m, 3, 1)], CancellationToken.None));

        Assert.True(outcome.Verified);
        Assert.Equal([1, 2], outcome.Rejected.Select(r => r.Index).Order());
        Assert.Contains("listing_blocked", outcome.Rejected.Single(r => r.Index == 1).Reason);
        Assert.Contains("unknown_product", outcome.Rejected.Single(r => r.Index == 2).Reason);
        Assert.Equal(1m, _emulator.Catalog.Get("51")!.Price);
    }

    [Fact]
    public async Task Rate_limits_auth_failures_and_oversize_batches_are_classified_and_the_token_never_shows()
    {
        _emulator.Faults.Enqueue(new RestFault.RateLimit(3), 1);
        var limited = Assert.IsType<CallOutcome.RateLimited>(await _client.PushAsync([Item("51", 1m, 1, 1)], CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(3), limited.RetryAfter);

        _emulator.Options.MaxBatchSize = 1;
        Assert.IsType<CallOutcome.TooLarge>(await _client.PushAsync([Item("51", 1m, 1, 2), Item("52", 1m, 1, 2)], CancellationToken.None));

        using var wrong = (RestClient)new PlatformRegistry().Add(new RestPlatform()).Open(new ConnectionSettings
        {
            Name = "shop", Platform = "rest", BaseUrl = _emulator.BaseUrl, Token = "not-the-" + Token,
        }).CreateClient();
        var auth = Assert.IsType<CallOutcome.AuthenticationFailed>(await wrong.PushAsync([Item("51", 1m, 1, 3)], CancellationToken.None));
        Assert.DoesNotContain(Token, auth.Reason);
        var check = await wrong.TestConnectionAsync(CancellationToken.None);
        Assert.False(check.Ok);
        Assert.DoesNotContain(Token, check.Message);
        Assert.True((await _client.TestConnectionAsync(CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task Orders_are_read_by_cursor_and_a_status_is_sent_in_the_contracts_vocabulary()
    {
        for (var i = 0; i < 3; i++)
            _emulator.Orders.Place(new RestOrderSpec { Lines = [new RestOrderLineSpec("51", 2, 12.5m) { Name = "Tea" }] });

        var (outcome, page) = await _client.PullOrdersAsync(new OrderPageRequest(1, 2, null, DateTimeOffset.UnixEpoch), CancellationToken.None);
        Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.True(page!.HasMore);
        Assert.Equal(2, page.Orders.Count);
        var (_, rest) = await _client.PullOrdersAsync(new OrderPageRequest(2, 2, page.NextCursor, null), CancellationToken.None);
        Assert.False(rest!.HasMore);
        var order = Assert.Single(rest.Orders);
        Assert.Equal(("pending", "retailer_shop_c_17", 25m, "EGP"), (order.Status, order.Customer.Ref, order.Totals.Amount, order.Totals.Currency));
        Assert.Equal(new OrderLine(1, "51", null, "Tea", 2, 12.5m, null), Assert.Single(order.Lines));
        Assert.NotNull(order.UpdatedAt);

        Assert.IsType<CallOutcome.Accepted>(await _client.UpdateOrderStatusAsync(order.Id, new OrderStatusUpdate(RestStatusModel.Confirmed), CancellationToken.None));
        Assert.Equal("confirmed", _emulator.Orders.Get(order.Id)!.Status);
        var illegal = Assert.IsType<CallOutcome.Refused>(await _client.UpdateOrderStatusAsync(order.Id, new OrderStatusUpdate(RestStatusModel.Pending), CancellationToken.None));
        Assert.Equal(409, illegal.StatusCode);
    }

    [Fact]
    public async Task A_broken_order_is_set_aside_and_the_status_model_refuses_what_the_contract_forbids()
    {
        Assert.Null(RestStatusModel.Instance.Refusal("confirmed", "shipped", null!));
        Assert.NotNull(RestStatusModel.Instance.Refusal("confirmed", "delivered", null!));
        Assert.Equal(OrderStage.CancelledByBuyer, RestStatusModel.Instance.StageOf("cancelled"));
        var (outcome, page) = await _client.PullOrdersAsync(new OrderPageRequest(1, 10, null, null), CancellationToken.None);
        Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.Empty(page!.Orders);
    }
}
