using System.Net;
using CartonaActors.Sandbox.Tests.Rest;

namespace CartonaActors.Sandbox.Tests.Amazon;

public sealed class AmazonAuthTests
{
    private const string Order = "orders/2026-01-01/orders/113-0000000-0000000";

    [Fact]
    public async Task Refresh_gives_a_one_hour_bearer_token_and_bad_grants_are_invalid_grant()
    {
        await using var scope = await AmazonScope.StartAsync();
        var (status, body) = await scope.TokenAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Atza|", body.Str("access_token"));
        Assert.Equal("bearer", body.Str("token_type"));
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(AmazonScope.Refresh, body.Str("refresh_token"));

        var (unknown, error) = await scope.TokenAsync(refresh: "Atzr|nope");
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Equal("invalid_grant", error.Str("error"));
        Assert.Equal(HttpStatusCode.BadRequest, (await scope.TokenAsync(secret: "wrong")).Status);
        Assert.Equal(1, scope.Emulator.Counters.TokensIssued);
    }

    [Fact]
    public async Task Missing_or_unknown_token_is_403_unauthorized()
    {
        await using var scope = await AmazonScope.StartAsync();
        var (status, body) = await scope.SendAsync(HttpMethod.Get, Order, token: "Atza|forged");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Unauthorized", body.ErrorCode());
        Assert.Equal("Access to requested resource is denied.", body.GetProperty("errors")[0].Str("message"));
    }

    [Fact]
    public async Task Expired_tokens_get_403_with_the_expired_details_and_a_refreshed_token_works()
    {
        await using var scope = await AmazonScope.StartAsync();
        var old = await scope.AccessTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await scope.SendAsync(HttpMethod.Get, Order)).Status);

        scope.Emulator.Faults.ExpireAccessTokensNow();
        var (status, body) = await scope.SendAsync(HttpMethod.Get, Order, token: old);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Unauthorized", body.ErrorCode());
        Assert.Equal("The access token you provided has expired.", body.GetProperty("errors")[0].Str("details"));
        Assert.Equal(1, scope.Emulator.Counters.ExpiredTokenAnswers);

        var fresh = await scope.AccessTokenAsync(fresh: true);
        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await scope.SendAsync(HttpMethod.Get, Order)).Status);
    }

    [Fact]
    public async Task Tokens_expire_after_their_lifetime_by_the_clock()
    {
        var clock = new ManualClock();
        await using var scope = await AmazonScope.StartAsync(o => o.Clock = clock);
        await scope.AccessTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.NotFound, (await scope.SendAsync(HttpMethod.Get, Order)).Status);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await scope.SendAsync(HttpMethod.Get, Order)).Status);
    }
}
