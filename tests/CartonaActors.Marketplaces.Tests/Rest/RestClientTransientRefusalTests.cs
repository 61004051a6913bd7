using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Marketplaces.Rest;
using CartonaActors.Marketplaces.Tests.Cartona;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Marketplaces.Tests.Rest;

/// <summary>
/// A refused push is halved down to single-item rejections, so a 4xx that is no verdict on the items must come
/// back transient; order calls keep the contract's meaning of 409 (an illegal transition).
/// </summary>
public sealed class RestClientTransientRefusalTests
{
    private const string Token = "rest-tok-4xx-secret-31";

    private static readonly PushItem Item = new("sku-51", "shop", new ListingRef(RestPlatform.ExternalId, "51"), new PushedValues(1m, false, 1), 1);

    private static RestClient Client(string baseUrl) =>
        (RestClient)new PlatformRegistry().Add(new RestPlatform()).Open(new ConnectionSettings
        {
            Name = "shop", Platform = "rest", BaseUrl = baseUrl, Token = Token, Timeout = TimeSpan.FromSeconds(5),
            Settings = { ["Currency"] = "EGP" },
        }).CreateClient();

    [Theory]
    [InlineData(408)]
    [InlineData(409)]
    [InlineData(425)]
    public async Task A_4xx_that_clears_on_its_own_is_transient_even_in_the_contracts_error_shape(int status)
    {
        await using var emulator = await RestMarketplaceEmulator.StartAsync(new RestMarketplaceEmulatorOptions
        {
            Tokens = new HashSet<string> { Token }, RequestsPerSecond = 1000, Burst = 1000,
        });
        emulator.Catalog.Seed(["51"]);
        emulator.Faults.Enqueue(new RestFault.ServerError(status));
        using var client = Client(emulator.BaseUrl);

        var outcome = await client.PushAsync([Item], CancellationToken.None);

        Assert.Contains($"HTTP {status}", Assert.IsType<CallOutcome.TransientFailure>(outcome).Reason);
    }

    [Theory]
    [MemberData(nameof(GatewayAnswers.WithoutThePlatformsErrorBody), MemberType = typeof(GatewayAnswers))]
    public async Task A_400_or_404_without_the_contracts_error_body_is_a_gateway_and_transient(int status, string body)
    {
        using var server = new EchoServer(status, body);
        using var client = Client(server.BaseUrl);

        Assert.IsType<CallOutcome.TransientFailure>(await client.PushAsync([Item], CancellationToken.None));
    }

    [Theory]
    [InlineData(400, """{"error":"invalid_request","message":"items must be an array"}""")]
    [InlineData(422, """{"error":"unknown_product"}""")]
    public async Task A_4xx_in_the_contracts_error_shape_refuses_the_batch(int status, string body)
    {
        using var server = new EchoServer(status, body);
        using var client = Client(server.BaseUrl);

        Assert.Equal(status, Assert.IsType<CallOutcome.Refused>(await client.PushAsync([Item], CancellationToken.None)).StatusCode);
    }

    [Fact]
    public async Task The_same_409_is_transient_for_a_push_but_an_illegal_transition_for_an_order_status()
    {
        using var server = new EchoServer(409, """{"error":"illegal_transition"}""");
        using var client = Client(server.BaseUrl);

        Assert.IsType<CallOutcome.TransientFailure>(await client.PushAsync([Item], CancellationToken.None));
        var status = await client.UpdateOrderStatusAsync("o-1", new OrderStatusUpdate(RestStatusModel.Pending), CancellationToken.None);
        Assert.Equal(409, Assert.IsType<CallOutcome.Refused>(status).StatusCode);
    }
}
