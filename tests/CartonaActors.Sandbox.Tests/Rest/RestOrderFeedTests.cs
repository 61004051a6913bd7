using System.Net;
using System.Text.Json;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Sandbox.Tests.Rest;

/// <summary>The feed runs on a frozen manual clock unless a test moves it, so every order lands in the same
/// millisecond and only the emulator's 1 ms bumps and the cursor keep pages apart.</summary>
public sealed class RestOrderFeedTests
{
    [Fact]
    public async Task Orders_have_the_contract_shape()
    {
        await using var scope = await RestScope.StartAsync(o => o.Clock = new ManualClock());
        scope.Emulator.Orders.Place(RestScope.Order("ord_1001"));

        var order = (await scope.FeedAsync()).GetProperty("data")[0];

        Assert.Equal("ord_1001", order.GetProperty("id").GetString());
        Assert.Equal("pending", order.GetProperty("status").GetString());
        Assert.Equal("c_17", order.GetProperty("customer").GetProperty("id").GetString());
        Assert.Equal("EG", order.GetProperty("shipping_address").GetProperty("country").GetString());
        var line = order.GetProperty("lines")[0];
        Assert.Equal(1, line.GetProperty("id").GetInt32());
        Assert.Equal(("51", "Rice 1kg", 2, "12.50"), (line.GetProperty("external_id").GetString(), line.GetProperty("name").GetString(),
            line.GetProperty("qty").GetInt32(), line.GetProperty("unit_price").GetString()));
        Assert.Equal(2, order.GetProperty("lines")[1].GetProperty("id").GetInt32());
        Assert.Equal("32.00", order.GetProperty("totals").GetProperty("amount").GetString());
        Assert.Equal("EGP", order.GetProperty("totals").GetProperty("currency").GetString());
        Assert.Equal("2026-12-02T10:00:00Z", order.GetProperty("created_at").GetString());
        Assert.Equal("2026-12-02T10:00:00Z", order.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task Orders_placed_in_the_same_millisecond_page_by_cursor_without_gaps_or_repeats()
    {
        await using var scope = await RestScope.StartAsync(o => o.Clock = new ManualClock());
        for (var i = 0; i < 7; i++) scope.Emulator.Orders.Place(RestScope.Order());

        var (ids, pages) = await ReadAllAsync(scope, "limit=3");

        Assert.Equal(Enumerable.Range(1001, 7).Select(n => $"ord_{n}"), ids);
        Assert.Equal(3, pages);
        var stamps = scope.Emulator.Orders.All.Select(o => o.UpdatedAt).ToList();
        Assert.Equal(stamps.Order(), stamps);
        Assert.Equal(7, stamps.Distinct().Count()); // strictly increasing, 1 ms apart
        Assert.Equal(TimeSpan.FromMilliseconds(6), stamps[^1] - stamps[0]);
    }

    [Fact]
    public async Task The_last_page_says_no_more_and_carries_no_cursor()
    {
        await using var scope = await RestScope.StartAsync(o => o.Clock = new ManualClock());
        for (var i = 0; i < 4; i++) scope.Emulator.Orders.Place(RestScope.Order());

        var first = await scope.FeedAsync("limit=2");
        var last = await scope.FeedAsync("limit=2&cursor=" + first.GetProperty("next_cursor").GetString());

        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal(2, last.GetProperty("data").GetArrayLength());
        Assert.False(last.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task The_default_page_holds_50()
    {
        await using var scope = await RestScope.StartAsync(o => o.Clock = new ManualClock());
        for (var i = 0; i < 51; i++) scope.Emulator.Orders.Place(RestScope.Order());

        var page = await scope.FeedAsync();

        Assert.Equal(50, page.GetProperty("data").GetArrayLength());
        Assert.True(page.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task Updated_since_is_inclusive_and_the_cursor_takes_precedence()
    {
        var clock = new ManualClock();
        await using var scope = await RestScope.StartAsync(o => o.Clock = clock);
        var orders = new List<RestOrder>();
        for (var i = 0; i < 4; i++)
        {
            orders.Add(scope.Emulator.Orders.Place(RestScope.Order()));
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        var since = Uri.EscapeDataString((await scope.FeedAsync()).GetProperty("data")[2].GetProperty("updated_at").GetString()!);

        var fromThird = await scope.FeedAsync($"updated_since={since}");
        var firstPage = await scope.FeedAsync("limit=1");
        var cursorWins = await scope.FeedAsync($"updated_since={since}&cursor={firstPage.GetProperty("next_cursor").GetString()}");
        var future = await scope.FeedAsync("updated_since=2030-01-01T00:00:00Z");

        Assert.Equal([orders[2].Id, orders[3].Id], Ids(fromThird));
        Assert.Equal([orders[1].Id, orders[2].Id, orders[3].Id], Ids(cursorWins));
        Assert.Empty(Ids(future));
        Assert.False(future.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task An_order_that_changes_mid_paging_moves_to_the_end_and_is_met_again()
    {
        await using var scope = await RestScope.StartAsync(o => o.Clock = new ManualClock());
        var book = scope.Emulator.Orders;
        for (var i = 0; i < 5; i++) book.Place(RestScope.Order());

        var first = await scope.FeedAsync("limit=2");
        book.CancelByBuyer("ord_1001"); // already read: comes back at the end
        book.Touch("ord_1003");         // not read yet: now only at the end
        var (rest, _) = await ReadAllAsync(scope, "limit=2", first.GetProperty("next_cursor").GetString());

        Assert.Equal(["ord_1001", "ord_1002"], Ids(first));
        Assert.Equal(["ord_1004", "ord_1005", "ord_1001", "ord_1003"], rest);
        Assert.Equal("cancelled", book.Get("ord_1001")!.Status);
    }

    [Theory]
    [InlineData("cursor=not-a-cursor!", "invalid_cursor")]
    [InlineData("cursor=bm8tYmFy", "invalid_cursor")] // base64url of "no-bar"
    [InlineData("limit=101", "invalid_request")]
    [InlineData("limit=0", "invalid_request")]
    [InlineData("limit=ten", "invalid_request")]
    [InlineData("updated_since=yesterday", "invalid_request")]
    public async Task Bad_query_parameters_answer_400(string query, string error)
    {
        await using var scope = await RestScope.StartAsync();

        using var response = await scope.GetAsync("v1/orders?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, (await RestScope.JsonAsync(response)).Error());
    }

    private static List<string> Ids(JsonElement page) =>
        page.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();

    /// <summary>Follows next_cursor until has_more is false; the ids in order and how many pages it took.</summary>
    private static async Task<(List<string> Ids, int Pages)> ReadAllAsync(RestScope scope, string query, string? cursor = null)
    {
        var ids = new List<string>();
        var pages = 0;
        while (true)
        {
            var page = await scope.FeedAsync(cursor is null ? query : $"{query}&cursor={cursor}");
            pages++;
            ids.AddRange(Ids(page));
            if (!page.GetProperty("has_more").GetBoolean()) return (ids, pages);
            cursor = page.GetProperty("next_cursor").GetString();
        }
    }
}
