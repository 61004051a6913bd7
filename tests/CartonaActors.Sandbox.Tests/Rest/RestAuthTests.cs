using System.Net;
using System.Net.Http.Headers;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Sandbox.Tests.Rest;

public sealed class RestAuthTests
{
    private const string Batch = """{"items":[{"external_id":"51","location_id":null,"available":3,"version":1}]}""";

    [Fact]
    public async Task Missing_token_is_refused_with_401_and_a_Bearer_challenge()
    {
        await using var scope = await RestScope.StartAsync();

        using var response = await scope.GetAsync("v1/orders", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("""{"error":"invalid_token"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_token_is_refused_and_nothing_is_applied()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51"]);

        using var response = await scope.PostAsync(RestScope.Inventory, Batch, token: "not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_token", (await RestScope.JsonAsync(response)).Error());
        Assert.Null(scope.Emulator.Catalog.Get("51")!.AvailableAt());
    }

    [Fact]
    public async Task A_valid_token_under_another_scheme_is_refused()
    {
        await using var scope = await RestScope.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", RestScope.Token);

        using var response = await scope.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Auth_is_checked_before_the_rate_limit_and_spends_nothing()
    {
        await using var scope = await RestScope.StartAsync(o => { o.RequestsPerSecond = 0.01; o.Burst = 1; o.Clock = new ManualClock(); });

        using var bad1 = await scope.GetAsync("v1/orders", token: "wrong");
        using var bad2 = await scope.GetAsync("v1/orders", token: "wrong");
        using var good = await scope.GetAsync("v1/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, bad1.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad2.StatusCode);
        Assert.False(bad1.Headers.Contains("RateLimit"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task Starting_without_tokens_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            RestMarketplaceEmulator.StartAsync(new RestMarketplaceEmulatorOptions()));
        Assert.Contains("Tokens", error.Message);
    }

    [Fact]
    public async Task Base_url_is_the_loopback_root_with_a_trailing_slash()
    {
        await using var scope = await RestScope.StartAsync();

        Assert.StartsWith("http://127.0.0.1:", scope.Emulator.BaseUrl);
        Assert.EndsWith("/", scope.Emulator.BaseUrl);
        using var unknown = await scope.GetAsync("v1/nothing-here");
        using var wrongMethod = await scope.GetAsync(RestScope.Inventory);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }
}
