using System.Net;
using System.Text;
using CartonaActors.Service.Admin;
using Microsoft.Playwright;

namespace CartonaActors.Service.Tests.Dashboard;

/// <summary>The configuration page in a real Chromium: the service with Odoo, an admin token, a Cartona connection
/// whose token Cartona refuses and an eBay connection with a client secret. Not one secret may reach the browser.</summary>
public sealed class ConfigurationSpecs(ConfigurationSpecs.GuardedWorld guarded, Chromium chromium)
    : IClassFixture<ConfigurationSpecs.GuardedWorld>, IClassFixture<Chromium>
{
    public const string AdminToken = "admin-token-config-91b3e07f";
    public const string WrongCartonaToken = "SECRET-wrong-cartona-2f6d8e";
    public const string EbayRefreshToken = "SECRET-ebay-refresh-5c0a77";
    public const string EbayClientSecret = "SECRET-ebay-client-secret-d41e";

    private static readonly string[] Secrets =
        [AdminToken, WrongCartonaToken, EbayRefreshToken, EbayClientSecret, OdooWorld.ApiKey, OdooWorld.WebhookSecret, OdooWorld.CartonaToken];

    private TestService Service => guarded.World.Service;

    [Fact]
    public async Task The_configuration_page_shows_every_setting_but_no_secret_in_its_html_or_any_response_the_browser_received()
    {
        using (var hook = new StringContent("{\"_model\":\"product.product\",\"_id\":1}", Encoding.UTF8, "application/json"))
            Assert.Equal(HttpStatusCode.Accepted, (await Service.Http.PostAsync(guarded.World.WebhookUrl, hook)).StatusCode);
        var page = await chromium.NewPageAsync();
        var received = new List<IResponse>();
        page.Response += (_, response) => received.Add(response);

        await page.GotoAsync($"{Service.Http.BaseAddress}configuration?token={AdminToken}");
        Assert.Equal($"{Service.Http.BaseAddress}configuration", page.Url); // the token left the address bar
        await page.Locator("button.test-connection[data-connection='cartona']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-connection='cartona'] output.test-result")).Not.ToHaveTextAsync("testing…");

        var html = await page.ContentAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathOf("configuration.png"), FullPage = true });
        foreach (var expected in new[] { "cartona", "ebay", "Settings:ClientId", "ebay-app-id", "Largest bulk call", "Price markup %",
                     "product.product", "stock.picking", "sale.order", "stock.quant", "/webhooks/odoo?token=&lt;webhook secret&gt;", "sync@example.com" })
            Assert.Contains(expected, html);
        Assert.Equal(["set (hidden)", "set (hidden)"], await page.Locator("[data-connection='ebay'] td.secret").AllTextContentsAsync());
        Assert.NotEqual("0", await page.Locator(".webhooks-received").TextContentAsync());
        foreach (var secret in Secrets) Assert.DoesNotContain(secret, html);

        Assert.Contains(received, r => r.Url.EndsWith("/api/connections/cartona/test"));
        Assert.Contains(received, r => r.Url.EndsWith(".js"));
        foreach (var response in received)
        {
            var headers = string.Join("\n", (await response.AllHeadersAsync()).Select(h => $"{h.Key}: {h.Value}"));
            var body = response.Status is >= 300 and < 400 ? "" : await response.TextAsync();
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, headers);
                Assert.DoesNotContain(secret, body);
            }
        }
    }

    [Fact]
    public async Task The_test_connection_button_reports_the_token_the_marketplace_refuses()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync($"{Service.Http.BaseAddress}configuration?token={AdminToken}");

        await page.Locator("button.test-connection[data-connection='cartona']").ClickAsync();

        var result = page.Locator("[data-connection='cartona'] output.test-result");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-ok", "false");
        await Assertions.Expect(result).ToContainTextAsync("failed");
        await Assertions.Expect(result).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("failing"));
        Assert.DoesNotContain(WrongCartonaToken, await result.TextContentAsync());
    }

    [Fact]
    public async Task A_page_opened_with_the_admin_token_keeps_a_derived_cookie_that_reads_but_changes_nothing_without_the_intent_header()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Service.Http.BaseAddress };

        using var none = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("text/html", none.Content.Headers.ContentType?.MediaType);
        Assert.Contains("?token=", await none.Content.ReadAsStringAsync());
        using var wrong = await http.GetAsync("/?token=not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using var opened = await http.GetAsync($"/configuration?token={AdminToken}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/configuration", opened.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(AdminSession.CookieName + "=", setCookie);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AdminToken, setCookie);
        var cookie = setCookie.Split(';')[0];

        async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string? withCookie, bool intent = false)
        {
            using var request = new HttpRequestMessage(method, path);
            if (withCookie is not null) request.Headers.Add("Cookie", withCookie);
            if (intent) request.Headers.Add(AdminSession.IntentHeader, "1");
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/", cookie));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/api/dashboard", cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/dashboard", AdminSession.CookieName + "=0123"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Post, "/api/connections/cartona/test", cookie));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Post, "/api/connections/cartona/test", cookie, intent: true));
        Assert.DoesNotContain(Service.Log.Lines, l => l.Contains(AdminToken));
    }

    /// <summary>Odoo, an admin token, the Cartona connection with a token Cartona refuses, and an eBay connection
    /// (never called: no orders, no listings, no read-back) whose credentials the page must hide.</summary>
    public sealed class GuardedWorld : IAsyncLifetime
    {
        public OdooWorld World { get; private set; } = null!;

        public async Task InitializeAsync() =>
            World = await OdooWorld.StartAsync(o => o.SeedCatalog(1), new Dictionary<string, string[]> { ["cartona"] = [] }, 1,
                new Dictionary<string, string?>
                {
                    ["CartonaActors:Admin:Token"] = AdminToken,
                    ["CartonaActors:Connections:0:Token"] = WrongCartonaToken,
                    ["CartonaActors:Connections:1:Name"] = "ebay",
                    ["CartonaActors:Connections:1:Platform"] = "ebay",
                    ["CartonaActors:Connections:1:BaseUrl"] = "http://127.0.0.1:9/",
                    ["CartonaActors:Connections:1:Token"] = EbayRefreshToken,
                    ["CartonaActors:Connections:1:Settings:ClientId"] = "ebay-app-id",
                    ["CartonaActors:Connections:1:Settings:ClientSecret"] = EbayClientSecret,
                    ["CartonaActors:Connections:1:ListingSource"] = "Sku",
                    ["CartonaActors:Connections:1:ListErpVariants"] = "false",
                    ["CartonaActors:Connections:1:PullOrders"] = "false",
                    ["CartonaActors:Connections:1:ReadBackInterval"] = "00:00:00",
                });

        public async Task DisposeAsync() => await World.DisposeAsync();
    }
}
