using System.Net;

namespace CartonaActors.Sandbox.Tests.Cartona;

public sealed class EmulatorAuthTests
{
    [Fact]
    public async Task Missing_token_is_refused_with_401_unauthorized()
    {
        await using var scope = await EmulatorScope.StartAsync();

        using var response = await scope.GetAsync("supplier-product?page=1&per_page=1", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await EmulatorScope.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Wrong_token_is_refused_and_nothing_is_applied()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Catalog.Add(1, "p1");

        using var response = await scope.PostBulkAsync("""[{"internal_product_id":"p1","selling_price":"9.0"}]""", token: "not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(scope.Emulator.Catalog.TryGet("p1")!.SellingPrice);
    }

    [Fact]
    public async Task Real_cartona_mode_answers_400_invalid_credentials()
    {
        await using var scope = await EmulatorScope.StartAsync(o => o.AuthFailureStatus = 400);

        using var response = await scope.GetAsync("supplier-product", token: "wrong");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid credentials", (await EmulatorScope.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Raw_AuthorizationToken_header_and_Bearer_form_are_both_accepted()
    {
        await using var scope = await EmulatorScope.StartAsync();

        using var raw = await scope.GetAsync("supplier-product");
        using var bearer = await scope.GetWithBearerAsync("supplier-product", EmulatorScope.Token);
        using var bearerWrong = await scope.GetWithBearerAsync("supplier-product", "other");

        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bearerWrong.StatusCode);
    }

    [Fact]
    public async Task Auth_is_checked_before_rate_limit_and_faults()
    {
        await using var scope = await EmulatorScope.StartAsync(o => { o.RequestsPerSecond = 0.01; o.Burst = 1; });
        scope.Emulator.Faults.FailAll(503);

        using var bad1 = await scope.GetAsync("supplier-product", token: "wrong");
        using var bad2 = await scope.GetAsync("supplier-product", token: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, bad1.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad2.StatusCode);
    }

    [Fact]
    public async Task Starting_without_tokens_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            CartonaActors.Sandbox.Cartona.CartonaEmulator.StartAsync(new CartonaActors.Sandbox.Cartona.CartonaEmulatorOptions()));
        Assert.Contains("Tokens", error.Message);
    }
}
