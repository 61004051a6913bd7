using System.Net.Http.Json;
using System.Text.Json;
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

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathOf("dashboard.png"), FullPage = true });
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
        await Assertions.Expect(rows.Filter(new() { HasText = "authentication_failed" }).First).ToBeVisibleAsync();
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

        // Today's rows carry no level: they count as warnings, so "error" shows none of them.
        await page.FillAsync("#filter-text", "");
        await page.SelectOptionAsync("#filter-level", "error");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Without_the_sync_log_summary_the_chart_says_there_is_no_data_yet()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(world.Service.Http.BaseAddress!.ToString());
        await Assertions.Expect(page.Locator("#chart-note")).ToHaveTextAsync("no data yet");
        Assert.Equal(0, await page.Locator("#chart rect").CountAsync());
    }

    /// <summary>One service, two connections to one Cartona emulator: "cartona" with the token it accepts, "broken"
    /// with one it refuses; sku-1 listed on both, and one refused product change.</summary>
    public sealed class TwoConnections : IAsyncLifetime
    {
        public const string WrongToken = "SECRET-broken-token-7a41c2";
        private CartonaEmulator _cartona = null!;

        public TestService Service { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Tokens = new HashSet<string> { "dashboard-right-token" } });
            _cartona.Catalog.Seed([(1L, "1"), (2L, "2")]);
            var settings = TestService.Settings(_cartona, "dashboard-right-token");
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
