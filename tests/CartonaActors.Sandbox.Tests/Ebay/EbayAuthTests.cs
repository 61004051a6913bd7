using System.Net;

namespace CartonaActors.Sandbox.Tests.Ebay;

public sealed class EbayAuthTests
{
    private const string Orders = "sell/fulfillment/v1/order";

    [Fact]
    public async Task Refresh_grant_gives_a_two_hour_user_token_that_then_expires()
    {
        await using var scope = await EbayScope.StartAsync();
        var (status, body) = await scope.RefreshAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7200, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("User Access Token", body.GetProperty("token_type").GetString());
        var token = body.GetProperty("access_token").GetString()!;
        Assert.StartsWith("v^1.1#", token);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendAsync(HttpMethod.Get, Orders, token: token)).Status);

        scope.Clock.Advance(TimeSpan.FromHours(2));
        var (expired, error, _) = await scope.SendAsync(HttpMethod.Get, Orders, token: token);
        Assert.Equal(HttpStatusCode.Unauthorized, expired);
        Assert.Equal(1001, error.FirstErrorId());
        Assert.Equal("Invalid access token", error.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(1, scope.Emulator.Counters.ExpiredTokenAnswers);

        var (again, fresh) = await scope.RefreshAsync(); // eBay's refresh token is reusable
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendAsync(HttpMethod.Get, Orders, token: fresh.GetProperty("access_token").GetString())).Status);
        Assert.Equal(3, scope.Emulator.Counters.TokensIssued); // the scope's own token, then two refreshes
    }

    [Fact]
    public async Task Wrong_refresh_token_is_invalid_grant_and_wrong_secret_is_invalid_client()
    {
        await using var scope = await EbayScope.StartAsync();
        var (grant, body) = await scope.RefreshAsync(refresh: "nope");
        Assert.Equal(HttpStatusCode.BadRequest, grant);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        var (client, clientBody) = await scope.RefreshAsync(secret: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, client);
        Assert.Equal("invalid_client", clientBody.GetProperty("error").GetString());
        var (unsupported, _) = await scope.RefreshAsync(grant: "client_credentials");
        Assert.Equal(HttpStatusCode.BadRequest, unsupported);
        Assert.All(scope.Emulator.Calls, c => Assert.Equal("identity", c.Api));
    }

    [Fact]
    public async Task Expire_now_fault_and_unknown_token_are_401()
    {
        await using var scope = await EbayScope.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await scope.SendAsync(HttpMethod.Get, Orders, token: "made-up")).Status);
        Assert.Equal(0, scope.Emulator.Counters.ExpiredTokenAnswers);
        scope.Emulator.Faults.ExpireAccessTokensNow();
        Assert.Equal(HttpStatusCode.Unauthorized, (await scope.SendAsync(HttpMethod.Get, Orders)).Status);
        Assert.Equal(1, scope.Emulator.Counters.ExpiredTokenAnswers);
        scope.Token = (await scope.RefreshAsync()).Body.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await scope.SendAsync(HttpMethod.Get, Orders)).Status);
    }

    [Fact]
    public async Task Post_order_takes_the_token_with_the_IAF_scheme_only()
    {
        await using var scope = await EbayScope.StartAsync();
        var id = scope.PlaceOrder();
        var legacy = scope.Emulator.Orders.Get(id)!.LegacyOrderId;
        const string path = "post-order/v2/cancellation/check_eligibility";
        Assert.Equal(HttpStatusCode.Unauthorized, (await scope.SendAsync(HttpMethod.Post, path, new { legacyOrderId = legacy })).Status);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendAsync(HttpMethod.Post, path, new { legacyOrderId = legacy }, scheme: "IAF")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scope.SendAsync(HttpMethod.Get, Orders, scheme: "IAF")).Status);
        Assert.Equal(["post-order", "post-order", "fulfillment"], scope.Emulator.Calls.Select(c => c.Api));
    }
}
