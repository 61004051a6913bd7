using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CartonaActors.Service.Admin;

namespace CartonaActors.Service.Tests;

/// <summary>Invariant 5, the admin API half: with a token configured nothing but the health probes and the
/// authenticated webhooks answers without it. One service (with Odoo, so the webhook is live) for the class.</summary>
public sealed class AdminTokenSpecs(AdminTokenSpecs.GuardedService guarded) : IClassFixture<AdminTokenSpecs.GuardedService>
{
    public const string AdminToken = "admin-token-5d2e8f31a9c4";

    private TestService Service => guarded.World.Service;

    [Theory]
    [InlineData("GET", "/api/connections")]
    [InlineData("GET", "/api/connections/cartona")]
    [InlineData("POST", "/api/connections/cartona/test")]
    [InlineData("POST", "/api/connections/cartona/sync-all")]
    [InlineData("POST", "/api/connections/cartona/pull-orders")]
    [InlineData("GET", "/api/sync-log")]
    [InlineData("GET", "/api/engine/stats")]
    [InlineData("GET", "/api/cluster/members")]
    [InlineData("GET", "/api/products/sku-1")]
    [InlineData("POST", "/api/erp/catalog-load")]
    [InlineData("GET", "/api/erp/pollers")]
    [InlineData("GET", "/api/orders/cartona/abc")]
    [InlineData("POST", "/api/orders/cartona/abc/deliver")]
    [InlineData("GET", "/api/sandbox/products/1")]
    [InlineData("GET", "/api/dashboard")]
    [InlineData("GET", "/dashboard-assets/dashboard.js")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/no/such/endpoint")]
    public async Task Every_admin_endpoint_answers_401_with_a_bearer_challenge_without_the_token(string method, string path)
    {
        using var response = await SendAsync(new HttpMethod(method), path, authorization: null);
        await AssertRefusedAsync(response);
    }

    [Theory]
    [InlineData("Bearer wrong-token")]
    [InlineData("Bearer " + AdminToken + "x")]   // a longer value starting with the token
    [InlineData("Bearer " + "admin-token-5d2e8f31a9c")]   // the token minus its last character
    [InlineData("Basic " + AdminToken)]          // the token under another scheme
    [InlineData(AdminToken)]                     // no scheme at all
    [InlineData("Bearer ")]
    public async Task A_wrong_token_or_scheme_is_refused_and_the_change_is_not_recorded(string authorization)
    {
        using var put = await SendAsync(HttpMethod.Put, "/api/products/refused-1", authorization, JsonContent.Create(new { price = 5 }));
        await AssertRefusedAsync(put);

        using var get = await SendAsync(HttpMethod.Get, "/api/products/refused-1", "Bearer " + AdminToken);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("bearer")]   // schemes are case-insensitive (RFC 7235)
    public async Task With_the_token_the_admin_API_answers_and_records_the_change(string scheme)
    {
        var authorization = $"{scheme} {AdminToken}";
        using var without = await SendAsync(HttpMethod.Put, "/api/products/accepted-1", authorization: null, JsonContent.Create(new { price = 6 }));
        await AssertRefusedAsync(without);
        using var put = await SendAsync(HttpMethod.Put, "/api/products/accepted-1", authorization, JsonContent.Create(new { price = 7 }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var get = await SendAsync(HttpMethod.Get, "/api/products/accepted-1", authorization);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(7m, (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("price").GetDecimal());
        using var connections = await SendAsync(HttpMethod.Get, "/api/connections", authorization);
        Assert.Equal(HttpStatusCode.OK, connections.StatusCode);
    }

    [Theory]
    [InlineData("/healthz/live")]
    [InlineData("/healthz/ready")]
    public async Task The_health_probes_answer_without_the_token(string path)
    {
        await AssertTokenInForceAsync();
        using var response = await SendAsync(HttpMethod.Get, path, authorization: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_webhook_answers_without_the_token_and_still_checks_its_own_secret()
    {
        static StringContent Body() => new("{\"_model\":\"product.product\",\"_id\":1}", Encoding.UTF8, "application/json");
        await AssertTokenInForceAsync();

        using var accepted = await SendAsync(HttpMethod.Post, $"/webhooks/odoo?token={OdooWorld.WebhookSecret}", authorization: null, Body());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        // Its own refusal, not the admin guard's: the admin token is no substitute for the webhook secret.
        using var refused = await SendAsync(HttpMethod.Post, "/webhooks/odoo?token=wrong", "Bearer " + AdminToken, Body());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("webhook token", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refusal_is_logged_without_the_token_even_when_the_request_carries_it()
    {
        // The token in the path by mistake, and a near miss that contains it.
        using var inPath = await SendAsync(HttpMethod.Get, $"/api/products/{AdminToken}", authorization: null);
        using var nearMiss = await SendAsync(HttpMethod.Get, $"/api/products/x?token={AdminToken}", "Bearer " + AdminToken + "-old");
        await AssertRefusedAsync(inPath);
        await AssertRefusedAsync(nearMiss);

        var lines = Service.Log.Lines;
        Assert.Contains(lines, l => l.Contains("Refused") && l.Contains("/api/products/***"));
        Assert.Contains(lines, l => l.Contains("Refused") && l.Contains("/api/products/x"));
        Assert.DoesNotContain(lines, l => l.Contains(AdminToken));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? authorization, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await Service.Http.SendAsync(request);
    }

    /// <summary>So an exemption test cannot pass merely because nothing is guarded.</summary>
    private async Task AssertTokenInForceAsync()
    {
        using var guardedCall = await SendAsync(HttpMethod.Get, "/api/engine/stats", authorization: null);
        await AssertRefusedAsync(guardedCall);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(AdminAccess.TokenKey, body.GetProperty("error").GetString());
        Assert.DoesNotContain(AdminToken, body.GetRawText());
    }

    /// <summary>The service with Odoo (so the webhook is live), one Cartona connection and an admin token.</summary>
    public sealed class GuardedService : IAsyncLifetime
    {
        public OdooWorld World { get; private set; } = null!;

        public async Task InitializeAsync() =>
            World = await OdooWorld.StartAsync(o => o.SeedCatalog(1), new Dictionary<string, string[]> { ["cartona"] = [] }, 1,
                new Dictionary<string, string?> { ["CartonaActors:Admin:Token"] = AdminToken });

        public async Task DisposeAsync() => await World.DisposeAsync();
    }
}
