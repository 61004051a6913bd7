using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CartonaActors.Sandbox.Cartona;
using Microsoft.Playwright;

namespace CartonaActors.Service.Tests.Dashboard;

/// <summary>The monitoring dashboard in a real Chromium against the real service: one Cartona connection that
/// works and one whose token Cartona refuses, both to the Cartona emulator, and a refused product change on the
/// node's own sync log.</summary>
public sealed class DashboardSpecs(DashboardSpecs.TwoConnections world, Chromium chromium)
    : IClassFixture<DashboardSpecs.TwoConnections>, IClassFixture<Chromium>
{
    [Fact]
    public async Task The_dashboard_shows_every_connection_and_the_one_whose_marketplace_refuses_it_in_its_error_state()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(world.Service.Http.BaseAddress!.ToString());

        var working = page.Locator("#connections tr[data-connection='cartona']");
        var broken = page.Locator("#connections tr[data-connection='broken']");
        await Assertions.Expect(working.Locator(".badge")).ToHaveTextAsync("ok");
        await Assertions.Expect(broken.Locator(".badge.failing")).ToHaveTextAsync("failing");
        await Assertions.Expect(broken.Locator(".error-text")).ToContainTextAsync("authentication_failed");
        Assert.Equal("rgb(198, 40, 40)", await broken.Locator(".badge").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        await Assertions.Expect(page.Locator("#products-synced")).ToHaveTextAsync("1");
        Assert.Equal("cartona", await working.Locator("td").Nth(1).TextContentAsync());

        // Throughput is what was delivered between two refreshes: it shows from the second one on.
        await Assertions.Expect(working.Locator(".throughput")).ToHaveTextAsync(new Regex(@"^\d+\.\d items/s$"));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathOf("dashboard.png"), FullPage = true });
        Assert.DoesNotContain(TwoConnections.WrongToken, await page.ContentAsync());
        Assert.DoesNotContain(TwoConnections.WrongToken, await world.Service.Http.GetStringAsync("/api/dashboard"));
    }

    [Fact]
    public async Task The_dashboard_refreshes_itself_without_reloading_the_page()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(world.Service.Http.BaseAddress!.ToString());
        await Assertions.Expect(page.Locator("#products-synced")).ToHaveTextAsync("1");
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await world.Service.PutProductAsync("sku-2", new { price = 4, listings = new[] { new { connection = "cartona", internalProductId = "2" } } });

        await Assertions.Expect(page.Locator("#products-synced")).ToHaveTextAsync("2", new() { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
    }

    [Fact]
    public async Task The_log_filters_narrow_the_rows_to_the_connection_and_the_text_chosen()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(world.Service.Http.BaseAddress!.ToString());
        var rows = page.Locator("#sync-log tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "push_failed" }).First).ToBeVisibleAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "input_refused" }).First).ToBeVisibleAsync();
        var all = await rows.CountAsync();

        await page.SelectOptionAsync("#filter-connection", "broken");
        await Assertions.Expect(rows.Filter(new() { HasText = "input_refused" })).ToHaveCountAsync(0);
        var brokenRows = await rows.CountAsync();
        Assert.InRange(brokenRows, 1, all - 1);
        foreach (var connection in await rows.Locator("td:nth-child(4)").AllTextContentsAsync()) Assert.Equal("broken", connection);

        await page.SelectOptionAsync("#filter-connection", "");
        await page.FillAsync("#filter-text", "SKU-REFUSED");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("input_refused");
        await Assertions.Expect(page.Locator("#log-count")).ToContainTextAsync($"1 of ");

        // The broken connection's failed calls are errors; the refused input is a warning.
        await page.FillAsync("#filter-text", "");
        await page.SelectOptionAsync("#filter-level", "error");
        await Assertions.Expect(rows.Filter(new() { HasText = "input_refused" })).ToHaveCountAsync(0);
        Assert.True(await rows.CountAsync() > 0);
        foreach (var level in await rows.Locator("td:nth-child(2)").AllTextContentsAsync()) Assert.Equal("error", level);
    }

    [Fact]
    public async Task From_the_dashboard_the_configuration_page_tests_a_working_connection_ok_and_says_the_odoo_connector_is_off()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(world.Service.Http.BaseAddress!.ToString());
        await page.ClickAsync("nav a[href='/configuration']");

        await Assertions.Expect(page.Locator("#odoo")).ToContainTextAsync("Off: no CartonaActors:Odoo:Url configured");
        await page.Locator("button.test-connection[data-connection='cartona']").ClickAsync();
        var result = page.Locator("[data-connection='cartona'] output.test-result");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-ok", "true");
        await Assertions.Expect(result).ToHaveTextAsync(new Regex("^ok"));
        var html = await page.ContentAsync();
        Assert.DoesNotContain(TwoConnections.WrongToken, html);
        Assert.DoesNotContain(TwoConnections.RightToken, html);
    }

    [Fact]
    public async Task The_chart_draws_the_last_hours_pushes_and_errors_from_the_sync_log_summary()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(world.Service.Http.BaseAddress!.ToString());
        await Assertions.Expect(page.Locator("#chart-note")).ToContainTextAsync("in the last hour");
        Assert.True(await page.Locator("#chart rect").CountAsync() > 0);
    }

    [Fact]
    public async Task With_the_coming_sync_log_API_the_chart_draws_the_last_hour_and_the_filters_use_each_rows_level_and_reach_the_server()
    {
        var page = await chromium.NewPageAsync();
        // The rebuilt sync log API (its contract in the dashboard's brief) is not in this service yet: its answers
        // stand in at the browser's edge, everything else is the real service.
        var asked = new List<string>();
        await page.RouteAsync(new Regex(@"/api/sync-log/summary"), r => r.FulfillAsync(new() { ContentType = "application/json", Body = Summary() }));
        await page.RouteAsync(new Regex(@"/api/sync-log\?"), r =>
        {
            asked.Add(r.Request.Url);
            return r.FulfillAsync(new() { ContentType = "application/json", Body = ContractRows });
        });
        await page.GotoAsync(world.Service.Http.BaseAddress!.ToString());

        await Assertions.Expect(page.Locator("#chart rect.pushes")).ToHaveCountAsync(60);
        await Assertions.Expect(page.Locator("#chart rect.errors")).ToHaveCountAsync(60);
        await Assertions.Expect(page.Locator("#chart-note")).ToHaveTextAsync("120 pushes, 6 errors in the last hour (blue: pushes, red: errors)");

        var rows = page.Locator("#sync-log tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await page.SelectOptionAsync("#filter-level", "error");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("token refused");
        await page.SelectOptionAsync("#filter-level", "info");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("12 items delivered");
        await page.SelectOptionAsync("#filter-level", "");
        await page.SelectOptionAsync("#filter-connection", "broken");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Until.TrueAsync(() => Task.FromResult(asked.Any(u => u.Contains("connection=broken"))), TimeSpan.FromSeconds(10), "the connection filter sent to the server");
    }

    private const string ContractRows = """
        [{"id":3,"at":"2026-12-07T12:00:03Z","level":"info","kind":"push_delivered","connection":"cartona","productId":null,"orderId":null,"outcome":"ok","message":"12 items delivered"},
         {"id":2,"at":"2026-12-07T12:00:02Z","level":"error","kind":"authentication_failed","connection":"broken","productId":null,"orderId":null,"outcome":"failed","message":"token refused"},
         {"id":1,"at":"2026-12-07T12:00:01Z","level":"warning","kind":"item_rejected","connection":"cartona","productId":"sku-9","orderId":null,"outcome":"refused","message":"price too low"}]
        """;

    /// <summary>An hour of minutes: 2 pushes each, an error every tenth minute.</summary>
    private static string Summary()
    {
        var start = new DateTimeOffset(2026, 12, 7, 11, 0, 0, TimeSpan.Zero);
        var minutes = Enumerable.Range(0, 60).Select(i => new { minute = start.AddMinutes(i), pushes = 2, errors = i % 10 == 0 ? 1 : 0 });
        return JsonSerializer.Serialize(new { since = start, byLevel = new { info = 120, warning = 0, error = 6 }, byKind = new { }, lastHour = minutes });
    }

    /// <summary>One service, two connections to one Cartona emulator: "cartona" with the token it accepts, "broken"
    /// with one it refuses; sku-1 listed on both, and one refused product change.</summary>
    public sealed class TwoConnections : IAsyncLifetime
    {
        public const string WrongToken = "SECRET-broken-token-7a41c2";
        public const string RightToken = "SECRET-right-token-d93b10";
        private CartonaEmulator _cartona = null!;

        public TestService Service { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Tokens = new HashSet<string> { RightToken } });
            _cartona.Catalog.Seed([(1L, "1"), (2L, "2")]);
            var settings = TestService.Settings(_cartona, RightToken);
            settings["CartonaActors:Connections:1:Name"] = "broken";
            settings["CartonaActors:Connections:1:Platform"] = "cartona";
            settings["CartonaActors:Connections:1:BaseUrl"] = _cartona.BaseUrl;
            settings["CartonaActors:Connections:1:Token"] = WrongToken;
            Service = await TestService.StartAsync(settings);

            (await Service.PutProductAsync("sku-1", new
            {
                price = 3, listings = new[] { new { connection = "cartona", internalProductId = "1" }, new { connection = "broken", internalProductId = "1" } },
            })).EnsureSuccessStatusCode();
            var refused = await Service.PutProductAsync("SKU-REFUSED", new { price = -1 });
            Assert.False(refused.IsSuccessStatusCode);
            await Until.TrueAsync(async () =>
            {
                var figures = await Service.Http.GetFromJsonAsync<JsonElement>("/api/dashboard");
                var connections = figures.GetProperty("connections").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
                return connections["cartona"].GetProperty("itemsDelivered").GetInt64() == 1
                    && connections["broken"].GetProperty("health").GetString() == "failing";
            }, TimeSpan.FromSeconds(30), "one delivery on cartona and broken failing");
        }

        public async Task DisposeAsync()
        {
            await Service.DisposeAsync();
            await _cartona.DisposeAsync();
        }
    }
}
