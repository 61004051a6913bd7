using System.Net;
using System.Text.Json;
using CartonaActors.Sandbox.Tests.Rest;

namespace CartonaActors.Sandbox.Tests.Shopify;

public sealed class ShopifyAuthTests
{
    private const string Shop = "{ shop { name } }";

    [Fact]
    public async Task Missing_or_unknown_token_is_401_with_shopify_text()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var (missing, body) = await scope.PostAsync(Shop, token: null);
        var (unknown, _) = await scope.PostAsync(Shop, token: "nope");
        Assert.Equal(HttpStatusCode.Unauthorized, missing);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown);
        Assert.StartsWith("[API] Invalid API key or access token", body.GetProperty("errors").GetString());
    }

    [Fact]
    public async Task Other_api_version_is_404()
    {
        await using var scope = await ShopifyScope.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, scope.Emulator.BaseUrl + "admin/api/2025-01/graphql.json")
        { Content = new StringContent("{\"query\":\"{shop{name}}\"}") };
        request.Headers.Add("X-Shopify-Access-Token", ShopifyScope.Token);
        using var response = await scope.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Expiring_token_dies_after_its_lifetime()
    {
        var clock = new ManualClock();
        await using var scope = await ShopifyScope.StartAsync(o => o.Clock = clock);
        var (access, _, expires) = scope.Emulator.IssueExpiringToken();
        Assert.Equal(clock.GetUtcNow().AddMinutes(60), expires);
        Assert.Equal("Emulator Shop", (await scope.QueryAsync(Shop, token: access)).Path("data", "shop", "name").GetString());
        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await scope.PostAsync(Shop, token: access)).Status);
    }

    [Fact]
    public async Task Refresh_rotates_and_old_refresh_stays_valid_until_new_access_is_used()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var (_, refresh1, _) = scope.Emulator.IssueExpiringToken();

        var (status, first) = await RefreshAsync(scope, refresh1);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(first.GetProperty("expires_in").GetInt32(), 3590, 3600);
        var refresh2 = first.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(refresh1, refresh2);

        // The answer was "lost": the old refresh token still works while the new access token is unused.
        var (again, second) = await RefreshAsync(scope, refresh1);
        Assert.Equal(HttpStatusCode.OK, again);
        await scope.QueryAsync(Shop, token: second.GetProperty("access_token").GetString());

        var (spent, error) = await RefreshAsync(scope, refresh1);
        Assert.Equal(HttpStatusCode.BadRequest, spent);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(scope, second.GetProperty("refresh_token").GetString()!)).Item1);
    }

    [Fact]
    public async Task Wrong_client_secret_is_invalid_client()
    {
        await using var scope = await ShopifyScope.StartAsync();
        var (_, refresh, _) = scope.Emulator.IssueExpiringToken();
        var (status, body) = await RefreshAsync(scope, refresh, secret: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    private static async Task<(HttpStatusCode, JsonElement)> RefreshAsync(ShopifyScope scope, string refresh, string secret = "emu-secret")
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "emu-client", ["client_secret"] = secret, ["refresh_token"] = refresh,
        });
        using var response = await scope.Http.PostAsync(scope.Emulator.TokenUrl, content);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, doc.RootElement.Clone());
    }
}
