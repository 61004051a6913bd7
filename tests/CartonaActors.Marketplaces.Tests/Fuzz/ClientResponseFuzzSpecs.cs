using CartonaActors.Domain.ReadBack;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces.Cartona;
using CartonaActors.Marketplaces.Http;
using CartonaActors.Marketplaces.Rest;
using CartonaActors.Tests.Fuzz;
using CsCheck;

namespace CartonaActors.Marketplaces.Tests.Fuzz;

/// <summary>
/// Whatever a platform answers (any status, content type, Retry-After, and bodies shaped like its answers with
/// wrong types, unicode, missing fields, or no JSON at all), every client call ends in a classified outcome: the
/// marketplace entity decides on that, and an exception out of a client would fail its worker instead.
/// </summary>
public sealed class ClientResponseFuzzSpecs : IAsyncLifetime
{
    private const string Token = "fuzz-tok-9d3e-secret-c21a";
    private const int Cases = 300;
    private ScriptedHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static PushItem[] Items(string kind) =>
    [
        new("sku-1", "m", new ListingRef(kind, "1"), new PushedValues(10m, false, 3), 1),
        new("sku-2", "m", new ListingRef(kind, "2"), new PushedValues(null, true, null), 1),
        new("sku-3", "m", new ListingRef(kind, "3"), new PushedValues(0m, false, 0), 1),
    ];

    private (IMarketplaceClient Client, IMarketplaceOrders Orders) Open(string platform)
    {
        var settings = new ConnectionSettings
        {
            Name = "m", Platform = platform, BaseUrl = _server.BaseUrl, Token = Token, Timeout = TimeSpan.FromSeconds(5),
        };
        if (platform == "rest") settings.Settings["Currency"] = "EGP";
        var client = new PlatformRegistry().Add(new CartonaPlatform()).Add(new RestPlatform()).Open(settings).CreateClient();
        return (client, (IMarketplaceOrders)client);
    }

    /// <summary>Every call a connection makes, with what the platform answers to it.</summary>
    private static Gen<(int Call, ScriptedAnswer Answer)> Calls(Gen<string> orders, Gen<string> pushReport) =>
        Gen.Int[0, 6].SelectMany(call => HostileAnswers.Around(HostileJson.Body(call switch
        {
            0 => pushReport,
            1 or 6 => orders, // a product list is an array of objects too
            _ => pushReport,
        })).Select(answer => (call, answer)));

    private async Task<object?> CallAsync(string platform, int call)
    {
        var (client, orders) = Open(platform);
        using var _ = client as IDisposable;
        return call switch
        {
            0 => await client.PushAsync(Items(platform == "rest" ? RestPlatform.ExternalId : "InternalProductId"), default),
            1 => (await orders.PullOrdersAsync(new OrderPageRequest(1, 50, null, null), default)).Outcome,
            2 => await orders.AcknowledgeAsync(["h1", "h2"], default),
            3 => await orders.UpdateOrderStatusAsync("h1", new OrderStatusUpdate("approved"), default),
            4 => await orders.UpdateOrderLinesAsync("h1", [new OrderLineChange(7, null, 2, 9.5m)], default),
            6 when client is IMarketplaceListings listings => (await listings.ReadListingsAsync(new ListingPageRequest(1, 100), default)).Outcome,
            _ => await client.TestConnectionAsync(default),
        };
    }

    private async Task HoldsAsync(string platform, int call, ScriptedAnswer answer)
    {
        _server.Next = _ => answer;
        var result = await CallAsync(platform, call);
        Assert.NotNull(result);
        Assert.DoesNotContain(Token, result.ToString());
        if (result is CallOutcome.RateLimited limited) Assert.InRange(limited.RetryAfter, TimeSpan.Zero, RetryAfterHeader.Longest);
    }

    [Fact]
    public async Task Every_Cartona_call_classifies_any_answer() =>
        await FuzzCases.CheckAsync(Calls(PlatformAnswers.CartonaOrders, PlatformAnswers.CartonaBulkReport), Cases,
            c => HoldsAsync("cartona", c.Call, c.Answer));

    [Fact]
    public async Task Every_REST_call_classifies_any_answer() =>
        await FuzzCases.CheckAsync(Calls(PlatformAnswers.RestOrders, PlatformAnswers.RestResults), Cases,
            c => HoldsAsync("rest", c.Call, c.Answer));
}
