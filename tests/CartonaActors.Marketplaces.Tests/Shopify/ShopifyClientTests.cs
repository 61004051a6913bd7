using System.Diagnostics;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Marketplaces.Shopify;
using CartonaActors.Sandbox.Shopify;
using Xunit.Abstractions;

namespace CartonaActors.Marketplaces.Tests.Shopify;

/// <summary>The Shopify client against the Shopify emulator over loopback.</summary>
public sealed class ShopifyClientTests(ITestOutputHelper output)
{
    /// <summary>Pushes as the engine would: a call the bucket cannot pay yet is sent again after the wait it names.</summary>
    private static async Task<CallOutcome> PushPacedAsync(ShopifyClient client, IReadOnlyList<PushItem> items)
    {
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await client.PushAsync(items, CancellationToken.None);
            if (outcome is not CallOutcome.RateLimited limited || attempt == 50) return outcome;
            await Task.Delay(limited.RetryAfter);
        }
    }

    [Fact]
    public async Task A_burst_of_10000_stock_changes_across_three_locations_never_overdraws_the_bucket()
    {
        // The connection's settings assume Standard (2000 / 100 per s); the emulated shop has another bucket, which
        // the client must learn from the answers.
        await using var shop = await ShopifyScope.StartAsync(3, o => { o.BucketSize = 1000; o.RestoreRate = 1000; });
        const int skus = 3334; // x 3 locations = 10,002 rows
        for (var p = 0; p < skus; p += 10)
            shop.Emulator.Catalog.AddProduct("Product " + p, Enumerable.Range(p, Math.Min(10, skus - p)).Select(i => ($"SKU-{i}", (string?)null, 1m)).ToArray());
        using var client = shop.Client();
        var watch = Stopwatch.StartNew();

        foreach (var batch in Enumerable.Range(0, skus).Chunk(ShopifyPlatform.MaxBatch))
        {
            var items = batch.Select(i => ShopifyScope.Stock($"SKU-{i}", 1, (shop.Locations[0], i % 7), (shop.Locations[1], i % 5), (shop.Locations[2], 3))).ToList();
            var accepted = Assert.IsType<CallOutcome.Accepted>(await PushPacedAsync(client, items));
            Assert.Empty(accepted.Rejected);
        }
        watch.Stop();

        var c = shop.Emulator.Counters;
        output.WriteLine($"10,002 rows: {c.Requests} requests, {c.PointsSpent:0} points ({c.PointsSpent / 10_002 * 10_000:0} per 10,000 changes), "
                         + $"{watch.Elapsed.TotalSeconds:0.0} s, {c.PointsSpent / watch.Elapsed.TotalSeconds:0} points/s against a restore rate of 1000, "
                         + $"{c.ThrottledAnswers} THROTTLED, lowest bucket {c.LowestAvailable:0}, rows applied {c.RowsApplied}");
        Assert.True(c.LowestAvailable >= 0, $"bucket drawn to {c.LowestAvailable}");
        Assert.True(c.ThrottledAnswers <= 1, $"{c.ThrottledAnswers} THROTTLED answers");
        Assert.Equal(10_002, c.RowsApplied);
        foreach (var i in new[] { 0, 1, 1666, 3333 })
        {
            var shown = shop.Emulator.Catalog.Variant($"SKU-{i}")!.AvailableByLocation;
            Assert.Equal((i % 7, i % 5, 3), (shown[shop.Locations[0]], shown[shop.Locations[1]], shown[shop.Locations[2]]));
        }
    }

    [Fact]
    public async Task A_compare_and_set_conflict_is_resolved_by_reading_shopify_again()
    {
        await using var shop = await ShopifyScope.StartAsync();
        shop.Emulator.Catalog.AddProduct("Tea", ("TEA-1", null, 10m));
        using var client = shop.Client();
        Assert.IsType<CallOutcome.Accepted>(await client.PushAsync([ShopifyScope.Stock("TEA-1", 1, (shop.Locations[0], 5))], CancellationToken.None));

        shop.Emulator.Catalog.SetAvailable("TEA-1", shop.Locations[0], 9); // a sale in the shop meanwhile
        var outcome = Assert.IsType<CallOutcome.Accepted>(await client.PushAsync([ShopifyScope.Stock("TEA-1", 2, (shop.Locations[0], 7))], CancellationToken.None));

        Assert.Empty(outcome.Rejected);
        Assert.Equal(1, shop.Emulator.Counters.StaleConflicts);
        Assert.Equal(7, shop.Emulator.Catalog.Variant("TEA-1")!.AvailableByLocation[shop.Locations[0]]);
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_is_replayed_by_its_idempotency_key_not_applied_twice()
    {
        await using var shop = await ShopifyScope.StartAsync(2);
        shop.Emulator.Catalog.AddProduct("Tea", ("TEA-1", null, 10m), ("TEA-2", null, 11m));
        using var client = shop.Client();
        var batch = new[] { ShopifyScope.Stock("TEA-1", 4, (shop.Locations[0], 3), (shop.Locations[1], 4)), ShopifyScope.Stock("TEA-2", 4, (shop.Locations[0], 1)) };

        shop.Emulator.Faults.CommitThenDropNext();
        Assert.IsType<CallOutcome.TransientFailure>(await client.PushAsync(batch, CancellationToken.None));
        var applied = shop.Emulator.Counters.RowsApplied;
        Assert.IsType<CallOutcome.Accepted>(await client.PushAsync(batch, CancellationToken.None));

        Assert.Equal(1, shop.Emulator.Counters.IdempotentReplays);
        Assert.Equal(applied, shop.Emulator.Counters.RowsApplied);
        Assert.Equal(3, shop.Emulator.Catalog.Variant("TEA-1")!.AvailableByLocation[shop.Locations[0]]);
    }

    [Fact]
    public async Task Prices_go_per_product_and_an_unknown_or_refused_variant_is_refused_alone()
    {
        await using var shop = await ShopifyScope.StartAsync();
        shop.Emulator.Catalog.AddProduct("Tea", ("TEA-1", null, 10m), ("TEA-2", null, 11m));
        shop.Emulator.Catalog.AddProduct("Rice", ("RICE-1", null, 20m));
        shop.Emulator.Catalog.AddProduct("Oil", ("OIL-1", null, 30m));
        shop.Emulator.Faults.RejectSku("RICE-1", "Price is blocked by a price list", "INVALID");
        using var client = shop.Client();

        var outcome = Assert.IsType<CallOutcome.Accepted>(await client.PushAsync(
            [ShopifyScope.Price("TEA-1", 12.5m, 1), ShopifyScope.Price("TEA-2", 13m, 1), ShopifyScope.Price("RICE-1", 21m, 1),
             ShopifyScope.Price("NOPE-9", 1m, 1), ShopifyScope.Price("OIL-1", 31m, 1)], CancellationToken.None));

        Assert.Equal([2, 3], outcome.Rejected.Select(r => r.Index).Order());
        Assert.Contains("blocked by a price list", outcome.Rejected.Single(r => r.Index == 2).Reason);
        Assert.Contains("no Shopify variant has sku NOPE-9", outcome.Rejected.Single(r => r.Index == 3).Reason);
        Assert.Equal((12.5m, 13m, 20m, 31m), (shop.Emulator.Catalog.Variant("TEA-1")!.Price, shop.Emulator.Catalog.Variant("TEA-2")!.Price,
            shop.Emulator.Catalog.Variant("RICE-1")!.Price, shop.Emulator.Catalog.Variant("OIL-1")!.Price));
        // One lookup, one document of three product mutations.
        Assert.Equal(2, shop.Emulator.Calls.Count(c => c.Status == 200));
        Assert.Equal(3, shop.Emulator.Calls.Last().Operations.Count(o => o == "productVariantsBulkUpdate"));
    }

    [Fact]
    public async Task A_wrong_token_is_an_authentication_failure_that_never_shows_the_token()
    {
        await using var shop = await ShopifyScope.StartAsync();
        shop.Emulator.Catalog.AddProduct("Tea", ("TEA-1", null, 10m));
        using var wrong = shop.Client(s => s.Token = "shpat_not_" + ShopifyScope.Token);

        var auth = Assert.IsType<CallOutcome.AuthenticationFailed>(await wrong.PushAsync([ShopifyScope.Price("TEA-1", 1m, 1)], CancellationToken.None));
        Assert.DoesNotContain(ShopifyScope.Token, auth.Reason);
        var check = await wrong.TestConnectionAsync(CancellationToken.None);
        Assert.False(check.Ok);
        Assert.DoesNotContain("shpat_", check.Message);
        using var right = shop.Client();
        Assert.True((await right.TestConnectionAsync(CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task An_expiring_token_is_refreshed_before_it_expires_and_the_rotated_pair_survives_a_restart()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var shop = await ShopifyScope.StartAsync(1, o => { o.Clock = clock; o.ExpiringTokenLifetime = TimeSpan.FromMinutes(60); });
        var issued = shop.Emulator.IssueExpiringToken();
        var tokenFile = Path.Combine(Path.GetTempPath(), $"shopify-token-{Guid.NewGuid():N}.json");
        try
        {
            void Expiring(ConnectionSettings s)
            {
                s.Token = issued.AccessToken;
                s.Settings["RefreshToken"] = issued.RefreshToken;
                s.Settings["TokenFile"] = tokenFile;
            }
            var own = new ShopifySettings { ClientId = "emu-app", ClientSecret = ShopifyScope.ClientSecret, RefreshToken = issued.RefreshToken, TokenFile = tokenFile };
            using (var client = new ShopifyClient(shop.Settings(Expiring), own, "shopify_shop_", clock))
            {
                Assert.True((await client.TestConnectionAsync(CancellationToken.None)).Ok);
                clock.Advance(TimeSpan.FromMinutes(57)); // inside the five minutes before expiry
                Assert.True((await client.TestConnectionAsync(CancellationToken.None)).Ok);
            }
            Assert.Equal(2, shop.Emulator.Calls.Count(c => c.Path.EndsWith("oauth/access_token", StringComparison.Ordinal))); // at start (expiry unknown) and 5 min before expiry
            Assert.DoesNotContain(shop.Emulator.Calls, c => c.Status == 401);

            // A restart reads the newest pair from the file: the first refresh token was rotated away.
            clock.Advance(TimeSpan.FromMinutes(30));
            using (var restarted = new ShopifyClient(shop.Settings(Expiring), own, "shopify_shop_", clock))
                Assert.True((await restarted.TestConnectionAsync(CancellationToken.None)).Ok);
            Assert.DoesNotContain(shop.Emulator.Calls, c => c.Status is 400 or 401);
            Assert.DoesNotContain(issued.RefreshToken, await File.ReadAllTextAsync(tokenFile));
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public async Task Orders_are_read_with_all_their_lines_and_fulfilment_and_cancellation_reach_shopify()
    {
        await using var shop = await ShopifyScope.StartAsync();
        var skus = Enumerable.Range(1, 30).Select(i => ($"SKU-{i}", (string?)null, 2m + i)).ToArray();
        shop.Emulator.Catalog.AddProduct("Assorted", skus);
        var customer = new ShopifyCustomer(7001, "buyer@example.com", "+201000000001", "Mona", "Adel");
        var big = shop.Emulator.Orders.Place(customer, new ShopifyAddress("1 Nile St", "Cairo", "Egypt"),
            skus.Select(s => new ShopifyOrderLine(s.Item1, 2, s.Item3)).ToList());
        var small = shop.Emulator.Orders.Place(customer, null, [new ShopifyOrderLine("SKU-1", 1, 3m)]);
        using var client = shop.Client();

        var (outcome, page) = await client.PullOrdersAsync(new OrderPageRequest(1, 50, null, DateTimeOffset.UtcNow.AddMinutes(-5)), CancellationToken.None);
        Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.Equal(2, page!.Orders.Count);
        var order = page.Orders.Single(o => big.EndsWith("/" + o.Id, StringComparison.Ordinal));
        Assert.Equal(30, order.Lines.Count);
        Assert.Equal(("open", "shopify_shop_7001"), (order.Status, order.Customer.Ref));
        Assert.Equal(skus.Sum(s => 2 * s.Item3), order.Totals.Amount);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"SKU-{i}"), order.Lines.Select(l => l.ListingKey));

        Assert.IsType<CallOutcome.Accepted>(await client.UpdateOrderStatusAsync(order.Id, new OrderStatusUpdate("fulfilled"), CancellationToken.None));
        Assert.Equal("FULFILLED", shop.Emulator.Orders.Get(big)!.DisplayFulfillmentStatus);

        var smallId = page.Orders.Single(o => o != order).Id;
        Assert.IsType<CallOutcome.Accepted>(await client.UpdateOrderStatusAsync(smallId, new OrderStatusUpdate("cancelled"), CancellationToken.None));
        Assert.True((await client.TestConnectionAsync(CancellationToken.None)).Ok); // Shopify finishes the cancel job meanwhile
        Assert.NotNull(shop.Emulator.Orders.Get(small)!.CancelledAt);
        // Sent again (its answer lost, say): already cancelled is what was wanted.
        Assert.IsType<CallOutcome.Accepted>(await client.UpdateOrderStatusAsync(smallId, new OrderStatusUpdate("cancelled"), CancellationToken.None));
        var (_, again) = await client.PullOrdersAsync(new OrderPageRequest(1, 50, null, DateTimeOffset.UtcNow.AddMinutes(-5)), CancellationToken.None);
        Assert.Equal("cancelled", again!.Orders.Single(o => o.Id == smallId).Status);
        Assert.Equal("fulfilled", again.Orders.Single(o => o.Id == order.Id).Status);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
