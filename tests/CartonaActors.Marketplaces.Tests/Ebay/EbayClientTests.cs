using CartonaActors.Domain.Orders;
using CartonaActors.Marketplaces.Ebay;
using CartonaActors.Sandbox.Ebay;

namespace CartonaActors.Marketplaces.Tests.Ebay;

/// <summary>The eBay client against the eBay emulator over loopback.</summary>
public sealed class EbayClientTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_push_of_25_skus_refuses_only_the_sku_ebay_rejects_and_shows_the_others()
    {
        await using var bay = await EbayScope.StartAsync();
        for (var i = 1; i <= 25; i++) bay.Emulator.Catalog.AddItem($"SKU-{i}", 1m, 0);
        bay.Emulator.Faults.RejectSku("SKU-7", "The listing is under review by eBay.");
        using var client = bay.Client();

        var items = Enumerable.Range(1, 25).Select(i => EbayScope.Item($"SKU-{i}", 10m + i, i)).ToList();
        var outcome = Assert.IsType<CallOutcome.Accepted>(await client.PushAsync(items, None));

        var rejected = Assert.Single(outcome.Rejected);
        Assert.Equal(6, rejected.Index);
        Assert.Contains("The listing is under review by eBay.", rejected.Reason);
        Assert.Equal((1m, 0), (bay.Emulator.Catalog.Item("SKU-7")!.Price, bay.Emulator.Catalog.Item("SKU-7")!.Quantity));
        foreach (var i in Enumerable.Range(1, 25).Where(i => i != 7))
            Assert.Equal((10m + i, i), (bay.Emulator.Catalog.Item($"SKU-{i}")!.Price, bay.Emulator.Catalog.Item($"SKU-{i}")!.Quantity));
        // 25 SKUs are one bulk call.
        Assert.Equal(1, bay.Emulator.Counters.BulkCalls);
    }

    [Fact]
    public async Task A_push_naming_an_unknown_sku_refuses_only_that_sku()
    {
        await using var bay = await EbayScope.StartAsync();
        bay.Emulator.Catalog.AddItem("TEA-1", 1m, 0);
        bay.Emulator.Catalog.AddItem("RICE-1", 1m, 0);
        using var client = bay.Client();

        // A price needs the SKU's offer; a quantity alone goes on the inventory item: both paths meet an unknown SKU.
        var outcome = Assert.IsType<CallOutcome.Accepted>(await client.PushAsync(
            [EbayScope.Item("TEA-1", 5m, 3), EbayScope.Item("NOPE-1", 2m, 1), EbayScope.Item("NOPE-2", null, 4), EbayScope.Item("RICE-1", 7.5m, 9)], None));

        Assert.Equal([1, 2], outcome.Rejected.Select(r => r.Index).Order());
        Assert.All(outcome.Rejected, r => Assert.Contains("NOPE-", r.Reason));
        Assert.Equal((5m, 3), (bay.Emulator.Catalog.Item("TEA-1")!.Price, bay.Emulator.Catalog.Item("TEA-1")!.Quantity));
        Assert.Equal((7.5m, 9), (bay.Emulator.Catalog.Item("RICE-1")!.Price, bay.Emulator.Catalog.Item("RICE-1")!.Quantity));
    }

    [Fact]
    public async Task A_429_is_rate_limited_with_a_wait_since_ebay_names_none()
    {
        await using var bay = await EbayScope.StartAsync();
        bay.Emulator.Catalog.AddItem("TEA-1", 1m, 0);
        using var client = bay.Client();
        bay.Emulator.Faults.ThrottleNext();

        var limited = Assert.IsType<CallOutcome.RateLimited>(await client.PushAsync([EbayScope.Item("TEA-1", null, 3)], None));

        Assert.True(limited.RetryAfter > TimeSpan.Zero);
        Assert.Equal(0, bay.Emulator.Catalog.Item("TEA-1")!.Quantity);
        Assert.IsType<CallOutcome.Accepted>(await client.PushAsync([EbayScope.Item("TEA-1", null, 3)], None));
        Assert.Equal(3, bay.Emulator.Catalog.Item("TEA-1")!.Quantity);
    }

    [Fact]
    public async Task An_expired_access_token_fails_one_push_and_the_next_buys_a_new_token()
    {
        await using var bay = await EbayScope.StartAsync();
        bay.Emulator.Catalog.AddItem("TEA-1", 1m, 0);
        using var client = bay.Client();
        Assert.IsType<CallOutcome.Accepted>(await client.PushAsync([EbayScope.Item("TEA-1", 2m, 1)], None));

        bay.Emulator.Faults.ExpireAccessTokensNow(); // eBay revoked or expired it before the client expected
        Assert.IsType<CallOutcome.TransientFailure>(await client.PushAsync([EbayScope.Item("TEA-1", 3m, 2)], None));
        var outcome = Assert.IsType<CallOutcome.Accepted>(await client.PushAsync([EbayScope.Item("TEA-1", 3m, 2)], None));

        Assert.Empty(outcome.Rejected);
        Assert.Equal(2, bay.Emulator.Counters.TokensIssued);
        Assert.Equal(1, bay.Emulator.Counters.ExpiredTokenAnswers);
        Assert.Equal((3m, 2), (bay.Emulator.Catalog.Item("TEA-1")!.Price, bay.Emulator.Catalog.Item("TEA-1")!.Quantity));
    }

    [Fact]
    public async Task A_wrong_refresh_token_is_an_authentication_failure_that_shows_no_secret()
    {
        await using var bay = await EbayScope.StartAsync();
        bay.Emulator.Catalog.AddItem("TEA-1", 1m, 0);
        const string wrongToken = "v^1.1#i^1#r^1#not-the-refresh-token-0042";
        using var client = bay.Client(s => s.Token = wrongToken);

        var auth = Assert.IsType<CallOutcome.AuthenticationFailed>(await client.PushAsync([EbayScope.Item("TEA-1", 2m, 1)], None));

        Assert.DoesNotContain(wrongToken, auth.Reason);
        Assert.DoesNotContain(EbayScope.ClientSecret, auth.Reason);
        Assert.DoesNotContain("not-the-refresh-token", auth.Reason);
        Assert.Equal(0, bay.Emulator.Counters.TokensIssued);
        var check = await client.TestConnectionAsync(None);
        Assert.False(check.Ok);
        Assert.DoesNotContain("not-the-refresh-token", check.Message);
        Assert.DoesNotContain(EbayScope.ClientSecret, check.Message);
    }

    [Fact]
    public async Task Orders_are_paged_by_their_cursor_with_lines_buyer_and_total()
    {
        await using var bay = await EbayScope.StartAsync();
        bay.Emulator.Catalog.AddItem("SKU-1", 19.99m, 50);
        bay.Emulator.Catalog.AddItem("SKU-2", 5.5m, 50);
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        var first = bay.Emulator.Orders.Place(EbayScope.Mona, new EbayAddress("Mona Adel", "1 Nile St", "Cairo", "EG"),
            new EbayOrderLine("SKU-1", 2, 19.99m), new EbayOrderLine("SKU-2", 1, 5.5m));
        var second = bay.Emulator.Orders.Place(new EbayBuyer("karim", "Karim Said", "k@example.com", null), null, new EbayOrderLine("SKU-2", 3, 5.5m));
        var third = bay.Emulator.Orders.Place(EbayScope.Mona, null, new EbayOrderLine("SKU-1", 1, 19.99m));
        using var client = bay.Client();

        var read = new List<MarketplaceOrder>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (outcome, page) = await client.PullOrdersAsync(new OrderPageRequest(pages + 1, 2, cursor, since), None);
            Assert.IsType<CallOutcome.Accepted>(outcome);
            Assert.Empty(page!.Unreadable);
            read.AddRange(page.Orders);
            cursor = page.NextCursor;
            Assert.True(++pages <= 3, "the cursor never ended");
        } while (cursor is not null);

        Assert.Equal(2, pages);
        Assert.Equal([first, second, third], read.Select(o => o.Id));
        var o1 = read[0];
        Assert.Equal(("not_started", "ebay_bay_mona_adel", "Mona Adel"), (o1.Status, o1.Customer.Ref, o1.Customer.Name));
        Assert.Equal(("mona@example.com", "+20100000001"), (o1.Customer.Email, o1.Customer.Phone));
        Assert.Contains("Cairo", o1.Customer.Address);
        Assert.Equal(45.48m, o1.Totals.Amount);
        Assert.Equal([("SKU-1", 2m, 19.99m), ("SKU-2", 1m, 5.5m)], o1.Lines.Select(l => (l.ListingKey, (decimal)l.Quantity, l.UnitPrice)));
        Assert.Equal(("ebay_bay_karim", 16.5m), (read[1].Customer.Ref, read[1].Totals.Amount));
        Assert.Equal(read[0].Customer.Ref, read[2].Customer.Ref); // one buyer, one customer
    }

    [Fact]
    public async Task An_older_order_modified_between_two_pages_makes_a_page_repeat_an_order_never_skip_one()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddHours(-1));
        await using var bay = await EbayScope.StartAsync(o => o.Clock = clock);
        bay.Emulator.Catalog.AddItem("SKU-1", 3m, 100);
        var old = bay.Emulator.Orders.Place(EbayScope.Mona, null, new EbayOrderLine("SKU-1", 1, 3m));
        clock.Advance(TimeSpan.FromMinutes(10));
        var since = clock.GetUtcNow();
        var placed = Enumerable.Range(0, 3).Select(_ => bay.Emulator.Orders.Place(EbayScope.Mona, null, new EbayOrderLine("SKU-1", 1, 3m))).ToList();
        clock.Advance(TimeSpan.FromMinutes(1));
        using var client = bay.Client();
        bay.Emulator.Faults.ShiftPagesNext();

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (outcome, page) = await client.PullOrdersAsync(new OrderPageRequest(pages + 1, 2, cursor, since), None);
            Assert.IsType<CallOutcome.Accepted>(outcome);
            seen.AddRange(page!.Orders.Select(o => o.Id));
            cursor = page.NextCursor;
            Assert.True(++pages <= 5, "the cursor never ended");
        } while (cursor is not null);

        // The shift happened: the old order entered the window ahead of the offset and pushed the second page back by one.
        Assert.True(seen.Count > seen.Distinct().Count(), "no order was read twice: the shift did not happen");
        Assert.All(placed, id => Assert.Contains(id, seen));
        // The old order itself came in behind the offset already read; it is not lost: its new lastModifiedDate is in
        // the window, so the next pass reads it.
        var (_, next) = await client.PullOrdersAsync(new OrderPageRequest(1, 50, null, since), None);
        Assert.Contains(old, next!.Orders.Select(o => o.Id));
    }

    [Fact]
    public async Task Fulfilled_ships_every_line_once_and_saying_it_again_ships_nothing_more()
    {
        await using var bay = await EbayScope.StartAsync();
        bay.Emulator.Catalog.AddItem("SKU-1", 2m, 10);
        bay.Emulator.Catalog.AddItem("SKU-2", 3m, 10);
        var id = bay.Emulator.Orders.Place(EbayScope.Mona, null, new EbayOrderLine("SKU-1", 2, 2m), new EbayOrderLine("SKU-2", 1, 3m));
        using var client = bay.Client();

        Assert.IsType<CallOutcome.Accepted>(await client.UpdateOrderStatusAsync(id, new OrderStatusUpdate(EbayStatusModel.Fulfilled), None));
        Assert.Equal(("FULFILLED", 1), (bay.Emulator.Orders.Get(id)!.FulfillmentStatus, bay.Emulator.Orders.Get(id)!.Fulfillments));

        // Sent again (its answer lost, say): eBay already shows it shipped, so no second fulfilment is made.
        Assert.IsType<CallOutcome.Accepted>(await client.UpdateOrderStatusAsync(id, new OrderStatusUpdate(EbayStatusModel.Fulfilled), None));
        Assert.Equal(1, bay.Emulator.Orders.Get(id)!.Fulfillments);
    }

    [Fact]
    public async Task Cancelled_cancels_an_unshipped_order_through_post_order_and_a_shipped_one_is_refused()
    {
        await using var bay = await EbayScope.StartAsync();
        bay.Emulator.Catalog.AddItem("SKU-1", 2m, 10);
        var open = bay.Emulator.Orders.Place(EbayScope.Mona, null, new EbayOrderLine("SKU-1", 1, 2m));
        var shipped = bay.Emulator.Orders.Place(EbayScope.Mona, null, new EbayOrderLine("SKU-1", 1, 2m));
        using var client = bay.Client();

        Assert.IsType<CallOutcome.Accepted>(await client.UpdateOrderStatusAsync(open, new OrderStatusUpdate(EbayStatusModel.Cancelled), None));
        Assert.Equal(("CANCELED", 1), (bay.Emulator.Orders.Get(open)!.CancelState, bay.Emulator.Orders.Get(open)!.CancelRequests));
        Assert.Contains(bay.Emulator.Calls, c => c is { Api: "post-order", Path: "post-order/v2/cancellation", Status: 201 });

        Assert.IsType<CallOutcome.Accepted>(await client.UpdateOrderStatusAsync(shipped, new OrderStatusUpdate(EbayStatusModel.Fulfilled), None));
        Assert.IsType<CallOutcome.Refused>(await client.UpdateOrderStatusAsync(shipped, new OrderStatusUpdate(EbayStatusModel.Cancelled), None));
        Assert.Equal(("NONE_REQUESTED", 0), (bay.Emulator.Orders.Get(shipped)!.CancelState, bay.Emulator.Orders.Get(shipped)!.CancelRequests));
    }
}
