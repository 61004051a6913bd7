using System.Diagnostics;
using CartonaActors.Domain.Orders;
using CartonaActors.Marketplaces.Amazon;
using CartonaActors.Sandbox.Amazon;
using Xunit.Abstractions;

namespace CartonaActors.Marketplaces.Tests.Amazon;

/// <summary>The Amazon SP-API client against the Amazon emulator over loopback: feeds and their reports, the feed
/// quota, throttling without Retry-After, LWA tokens, and the order walk.</summary>
public sealed class AmazonClientTests(ITestOutputHelper output)
{
    private static readonly AmazonBuyer Buyer = new("Mona Salem", "mona@marketplace.amazon.com");
    private static readonly AmazonAddress Home = new("Mona Salem", "12 Nile St", "Cairo", "EG", "+201000000000");

    /// <summary>Polls what the emulator applies later (a patch is applied FeedStepDelay after it is ACCEPTED).</summary>
    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what + " not reached within 10 s");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_feed_of_1000_items_rejects_exactly_the_failing_skus_by_index_and_a_second_push_applies_them()
    {
        await using var amazon = await AmazonScope.StartAsync();
        for (var i = 0; i < 1000; i++) amazon.Emulator.Catalog.AddListing($"SKU-{i}", 1m, 0);
        amazon.Emulator.Faults.FailFeedMessages("SKU-7", "SKU-500", "SKU-999");
        using var client = amazon.Client();
        var items = Enumerable.Range(0, 1000).Select(i => AmazonScope.Item($"SKU-{i}", 10m + i, i % 9)).ToList();
        var watch = Stopwatch.StartNew();

        var accepted = Assert.IsType<CallOutcome.Accepted>(await client.PushAsync(items, CancellationToken.None));

        output.WriteLine($"1,000-item feed: {watch.Elapsed.TotalSeconds:0.00} s, {amazon.Emulator.Feeds.Count} feed(s), "
                         + string.Join(", ", amazon.Emulator.Calls.GroupBy(c => c.Operation).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(accepted.Verified);
        Assert.Equal([7, 500, 999], accepted.Rejected.Select(r => r.Index));
        Assert.All(accepted.Rejected, r => Assert.Contains("4000003", r.Reason));
        Assert.Contains("could not be updated", accepted.Rejected[0].Reason);
        Assert.Contains("SKU-500", accepted.Rejected[1].Reason);
        Assert.Equal(1000 - 3, amazon.Emulator.Counters.FeedMessages - amazon.Emulator.Counters.FeedMessagesFailed);
        Assert.Equal((11m, 1), (amazon.Emulator.Catalog.Listing("SKU-1")!.Price, amazon.Emulator.Catalog.Listing("SKU-1")!.Quantity));
        Assert.Equal(1m, amazon.Emulator.Catalog.Listing("SKU-7")!.Price);

        // The failing SKUs stand until cleared (FailFeedMessages is not a "next" fault).
        amazon.Emulator.Faults.Clear();
        var again = Assert.IsType<CallOutcome.Accepted>(await client.PushAsync([items[7], items[500], items[999]], CancellationToken.None));

        Assert.Empty(again.Rejected);
        await UntilAsync(() => new[] { 7, 500, 999 }.All(i => amazon.Emulator.Catalog.Listing($"SKU-{i}")!.Price == 10m + i), "the three retried listings applied");
        Assert.Equal(3, amazon.Emulator.Counters.PatchCalls); // three items go as patches, not as a feed
    }

    [Fact]
    public async Task Listings_feeds_go_a_fifth_of_the_quota_window_apart_and_meanwhile_only_their_items_wait()
    {
        // Amazon's published quota on both sides (the defaults): 5 listings feeds per sliding 5 minutes, so one a minute.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var amazon = await AmazonScope.StartAsync(clock: clock);
        for (var i = 0; i < 20; i++) amazon.Emulator.Catalog.AddListing($"SKU-{i}", 1m, 0);
        using var client = amazon.Client();
        var items = Enumerable.Range(0, 20).Select(i => AmazonScope.Item($"SKU-{i}", 5m + i, 1)).ToList();

        var first = Assert.IsType<CallOutcome.Accepted>(await client.PushAsync(items, CancellationToken.None));
        var second = Assert.IsType<CallOutcome.Accepted>(await client.PushAsync(items, CancellationToken.None));

        Assert.Null(first.Held);
        Assert.Empty(second.Rejected);
        Assert.Equal(Enumerable.Range(0, 20), second.Held!.Select(h => h.Index));
        Assert.All(second.Held!, h => Assert.Equal(TimeSpan.FromMinutes(1), h.Wait));
        Assert.Contains("5 listings feeds per 5 min", second.Held![0].Reason);
        Assert.Equal(1, amazon.Emulator.Calls.Count(c => c.Operation == "createFeedDocument")); // nothing of the second was sent

        // A small push is patches, not a feed: it goes while the feed waits.
        var patched = Assert.IsType<CallOutcome.Accepted>(await client.PushAsync(items.Take(3).ToList(), CancellationToken.None));
        Assert.Null(patched.Held);
        Assert.Equal(3, amazon.Emulator.Counters.PatchCalls);

        clock.Advance(TimeSpan.FromMinutes(1));
        var third = Assert.IsType<CallOutcome.Accepted>(await client.PushAsync(items, CancellationToken.None));

        Assert.Null(third.Held);
        Assert.Equal(2, amazon.Emulator.Counters.FeedsCreated);
        Assert.Equal(0, amazon.Emulator.Counters.FeedsRefusedByQuota);
    }

    [Fact]
    public async Task A_429_from_patchListingsItem_is_rate_limited_for_at_least_a_second_without_retry_after()
    {
        await using var amazon = await AmazonScope.StartAsync();
        amazon.Emulator.Catalog.AddListing("TEA-1", 1m, 0);
        amazon.Emulator.Faults.ThrottleNext("patchListingsItem");
        using var client = amazon.Client();

        var outcome = await client.PushAsync([AmazonScope.Item("TEA-1", 3m, 2)], CancellationToken.None);

        var limited = Assert.IsType<CallOutcome.RateLimited>(outcome);
        Assert.False(limited.NotSent);
        Assert.True(limited.RetryAfter >= TimeSpan.FromSeconds(1), $"waits {limited.RetryAfter}");
        Assert.Equal(1, amazon.Emulator.Counters.Throttled);
        Assert.Equal(1, amazon.Emulator.Catalog.Listing("TEA-1")!.Price);
    }

    [Fact]
    public async Task An_access_token_expiring_mid_run_fails_one_push_transiently_and_the_next_buys_a_new_token()
    {
        await using var amazon = await AmazonScope.StartAsync();
        amazon.Emulator.Catalog.AddListing("TEA-1", 1m, 0);
        using var client = amazon.Client();
        Assert.IsType<CallOutcome.Accepted>(await client.PushAsync([AmazonScope.Item("TEA-1", 3m, 2)], CancellationToken.None));

        amazon.Emulator.Faults.ExpireAccessTokensNow();
        var expired = await client.PushAsync([AmazonScope.Item("TEA-1", 4m, 2, 2)], CancellationToken.None);
        var next = await client.PushAsync([AmazonScope.Item("TEA-1", 4m, 2, 2)], CancellationToken.None);

        Assert.IsType<CallOutcome.TransientFailure>(expired);
        var accepted = Assert.IsType<CallOutcome.Accepted>(next);
        Assert.Empty(accepted.Rejected);
        Assert.Equal(2, amazon.Emulator.Counters.TokensIssued);
        Assert.Equal(1, amazon.Emulator.Counters.ExpiredTokenAnswers);
        await UntilAsync(() => amazon.Emulator.Catalog.Listing("TEA-1")!.Price == 4m, "the price after the new token");
    }

    [Fact]
    public async Task A_wrong_refresh_token_is_an_authentication_failure_that_names_no_secret()
    {
        await using var amazon = await AmazonScope.StartAsync();
        amazon.Emulator.Catalog.AddListing("TEA-1", 1m, 0);
        const string wrong = "Atzr|revoked-refresh-token-93af";
        using var client = amazon.Client(s => s.Token = wrong);

        var outcome = await client.PushAsync([AmazonScope.Item("TEA-1", 3m, 2)], CancellationToken.None);

        var failed = Assert.IsType<CallOutcome.AuthenticationFailed>(outcome);
        output.WriteLine(failed.ToString());
        Assert.DoesNotContain(wrong, failed.ToString());
        Assert.DoesNotContain("revoked-refresh-token", failed.ToString());
        Assert.DoesNotContain(AmazonScope.ClientSecret, failed.ToString());
        Assert.Equal(0, amazon.Emulator.Counters.TokensIssued);
        Assert.Equal(0, amazon.Emulator.Counters.PatchCalls);
    }

    [Fact]
    public async Task Orders_are_paged_by_cursor_and_shipped_and_cancelled_as_amazon_allows()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        await using var amazon = await AmazonScope.StartAsync(clock: clock);
        using var client = amazon.Client();
        var since = clock.GetUtcNow().AddMinutes(-1);
        var first = amazon.Emulator.Orders.Place(Buyer, Home, new AmazonOrderLine("SKU-1", 2, 19.99m), new AmazonOrderLine("SKU-2", 1, 5.50m));
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = amazon.Emulator.Orders.Place(Buyer, Home, new AmazonOrderLine("SKU-3", 1, 7m));
        clock.Advance(TimeSpan.FromSeconds(1));
        var third = amazon.Emulator.Orders.Place(new AmazonBuyer("Omar Adel", "omar@marketplace.amazon.com"), null, new AmazonOrderLine("SKU-1", 3, 19.99m));
        // searchOrders does not show orders updated in the last two minutes.
        clock.Advance(TimeSpan.FromMinutes(3));

        var pages = new List<OrderPage>();
        string? cursor = null;
        do
        {
            var (outcome, page) = await client.PullOrdersAsync(new OrderPageRequest(pages.Count + 1, 2, cursor, since), CancellationToken.None);
            Assert.Equal(CallOutcome.Success, outcome);
            pages.Add(page!);
            cursor = page!.NextCursor;
        } while (cursor is not null && pages.Count < 5);

        Assert.Equal([2, 1], pages.Select(p => p.Orders.Count));
        Assert.True(pages[0].HasMore);
        Assert.False(pages[1].HasMore);
        Assert.Empty(pages.SelectMany(p => p.Unreadable));
        var orders = pages.SelectMany(p => p.Orders).ToDictionary(o => o.Id);
        Assert.Equal([first, second, third], pages.SelectMany(p => p.Orders).Select(o => o.Id));
        var one = orders[first];
        Assert.Equal(AmazonStatusModel.Unshipped, one.Status);
        Assert.Equal([("SKU-1", 2, 19.99m), ("SKU-2", 1, 5.50m)], one.Lines.Select(l => (l.ListingKey, (int)l.Quantity, l.UnitPrice)));
        Assert.Equal(45.48m, one.Totals.Amount);
        Assert.Equal("USD", one.Totals.Currency);
        Assert.Equal("Mona Salem", one.Customer.Name);
        Assert.Equal("amazon_amz_mona@marketplace.amazon.com", one.Customer.Ref);
        Assert.Equal(one.Customer.Ref, orders[second].Customer.Ref); // one buyer, one customer
        Assert.Contains("Cairo", one.Customer.Address);
        Assert.Equal(59.97m, orders[third].Totals.Amount);

        var shipped = await client.UpdateOrderStatusAsync(first, new OrderStatusUpdate(AmazonStatusModel.Shipped, "DLV-1"), CancellationToken.None);
        var again = await client.UpdateOrderStatusAsync(first, new OrderStatusUpdate(AmazonStatusModel.Shipped, "DLV-1"), CancellationToken.None);

        Assert.Equal(CallOutcome.Success, shipped);
        Assert.Equal(CallOutcome.Success, again);
        var view = amazon.Emulator.Orders.Get(first)!;
        Assert.Equal(("SHIPPED", 1), (view.Status, view.Shipments));
        Assert.All(view.Items, i => Assert.Equal(i.QuantityOrdered, i.QuantityShipped));

        var cancelled = await client.UpdateOrderStatusAsync(second, new OrderStatusUpdate(AmazonStatusModel.Cancelled), CancellationToken.None);

        Assert.Equal(CallOutcome.Success, cancelled);
        Assert.Equal(("CANCELLED", true), (amazon.Emulator.Orders.Get(second)!.Status, amazon.Emulator.Orders.Get(second)!.CancelledBySeller));
        Assert.Contains(amazon.Emulator.Feeds, f => f.FeedType == "POST_ORDER_ACKNOWLEDGEMENT_DATA" && f.Status == "DONE");

        var late = await client.UpdateOrderStatusAsync(first, new OrderStatusUpdate(AmazonStatusModel.Cancelled), CancellationToken.None);

        Assert.IsType<CallOutcome.Refused>(late);
        Assert.Equal("SHIPPED", amazon.Emulator.Orders.Get(first)!.Status);
        Assert.Single(amazon.Emulator.Feeds, f => f.FeedType == "POST_ORDER_ACKNOWLEDGEMENT_DATA"); // refused before any feed
    }
}
