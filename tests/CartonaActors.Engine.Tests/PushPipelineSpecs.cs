using Akka.Actor;
using Akka.TestKit.Xunit2;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Domain.Sync;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Engine.Tests;

/// <summary>Product entity -> marketplace entity -> Cartona emulator over HTTP, on a SQLite journal.</summary>
public sealed class PushPipelineSpecs : IAsyncLifetime
{
    private const string BulkPath = "/api/v1/supplier-product/bulk-update";
    private const string BulkFaultPath = "supplier-product/bulk-update";
    private CartonaEmulator _cartona = null!;
    private TestNode _node = null!;
    private TestKit _kit = null!;

    public async Task InitializeAsync()
    {
        _cartona = await Emulators.CartonaAsync();
        var options = TestNode.Options(_cartona.BaseUrl, Emulators.Token, Databases.NewSqlite());
        options.Sync.DebounceQuietWindow = TimeSpan.FromSeconds(2);
        options.Sync.DebounceMaxDelay = TimeSpan.FromSeconds(60);
        _node = await TestNode.StartAsync(options);
        _kit = new TestKit(_node.System);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _cartona.DisposeAsync();
    }

    private static UpdateProduct Link(string sku, string internalId, decimal price) =>
        new(sku, price, new Dictionary<string, decimal> { ["WH1"] = 5 }, null,
            [new ListingRequest("cartona", new ListingRef("InternalProductId", internalId))], null);

    private IReadOnlyList<RecordedCall> BulkCalls() => _cartona.Calls.Where(c => c.Path == BulkPath).ToList();

    private async Task<PushEntryView> WaitUntilConfirmedAsync(string sku, decimal price)
    {
        PushEntryView entry = null!;
        await _kit.AwaitAssertAsync(async () =>
        {
            entry = await _node.PushEntryAsync("cartona", sku);
            Assert.True(entry.Known);
            Assert.Equal(entry.WantedVersion, entry.ConfirmedVersion);
            Assert.Equal(entry.Wanted, entry.Confirmed);
            Assert.Equal(price, entry.Confirmed!.Price);
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        return entry;
    }

    [Fact]
    public async Task A_burst_of_1000_changes_within_the_quiet_window_is_one_push_of_the_last_values()
    {
        var probe = _kit.CreateTestProbe();
        _node.Products.Tell(Link("sku-burst", "1", 1m), probe.Ref);
        for (var i = 2; i <= 1000; i++)
            _node.Products.Tell(new UpdateProduct("sku-burst", i, null, null, null, null), probe.Ref);
        var replies = probe.ReceiveN(1000, TimeSpan.FromSeconds(60)).Cast<ProductUpdateResult>().ToList();
        Assert.All(replies, r => Assert.True(r.Accepted, r.Error));

        var entry = await WaitUntilConfirmedAsync("sku-burst", 1000m);
        Assert.Equal(1000m, entry.Confirmed!.Price);
        var shown = _cartona.Catalog.TryGet("1")!;
        Assert.Equal("1000.0", shown.SellingPrice);
        Assert.Equal(5, shown.AvailableStockQuantity);
        var call = Assert.Single(BulkCalls());
        Assert.Equal(1, call.ItemCount);
    }

    [Fact]
    public async Task A_push_refused_with_429_and_503_is_retried_after_the_pause_and_delivers_the_latest_value()
    {
        _cartona.Faults.Enqueue(new CartonaFault.RateLimit(1), 1, BulkFaultPath);
        _cartona.Faults.Enqueue(new CartonaFault.ServerError(503), 2, BulkFaultPath);
        var probe = _kit.CreateTestProbe();
        _node.Products.Tell(Link("sku-retry", "2", 20m), probe.Ref);
        probe.ExpectMsg<ProductUpdateResult>(r => r.Accepted);
        await _kit.AwaitAssertAsync(() => Assert.Contains(BulkCalls(), c => c.Status == 429), TimeSpan.FromSeconds(30));

        _node.Products.Tell(new UpdateProduct("sku-retry", 21m, null, null, null, null), probe.Ref);
        probe.ExpectMsg<ProductUpdateResult>(r => r.Accepted);
        await WaitUntilConfirmedAsync("sku-retry", 21m);

        Assert.Equal("21.0", _cartona.Catalog.TryGet("2")!.SellingPrice);
        var calls = BulkCalls();
        // The failures in order, then only successes (the retried price 20, and 21 once debounced).
        Assert.Equal([429, 503, 503], calls.Take(3).Select(c => c.Status).ToArray());
        Assert.All(calls.Skip(3), c => Assert.Equal(200, c.Status));
        // Retry-After: 1 was honoured before the next call.
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950), $"called again after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
        var status = await _node.Marketplaces.Ask<MarketplaceStatus>(new GetMarketplaceStatus("cartona"), TimeSpan.FromSeconds(5));
        Assert.Equal(3, status.Ledger.FailedCalls);
        Assert.Equal(0, status.ConsecutiveFailures);
    }

    [Fact]
    public async Task An_older_version_never_overwrites_a_newer_one()
    {
        var reference = new ListingRef("InternalProductId", "3");
        OfferPush Push(long version, decimal price) =>
            new(_node.SliceOf("cartona", "sku-order"), "sku-order", version, reference, new PushedValues(price, null, null));
        var applied = new List<string?>();
        _cartona.ItemApplied += a => { if (a.InternalProductId == "3") lock (applied) applied.Add(a.SellingPrice); };

        _node.Slices.Tell(Push(5, 50m));
        await _kit.AwaitAssertAsync(() => Assert.Equal("50.0", _cartona.Catalog.TryGet("3")!.SellingPrice), TimeSpan.FromSeconds(10));

        // Version 4 arrives late: dropped, never sent.
        _node.Slices.Tell(Push(4, 40m));
        // Version 7 is held in flight by a slow answer while 8 and a late 6 arrive.
        _cartona.Faults.Enqueue(new CartonaFault.Timeout(TimeSpan.FromSeconds(1)), 1, BulkFaultPath);
        _node.Slices.Tell(Push(7, 70m));
        await _kit.AwaitAssertAsync(async () =>
        {
            var s = await _node.Marketplaces.Ask<MarketplaceStatus>(new GetMarketplaceStatus("cartona"), TimeSpan.FromSeconds(5));
            Assert.Equal(1, s.InFlightItems);
        }, TimeSpan.FromSeconds(10));
        _node.Slices.Tell(Push(8, 80m));
        _node.Slices.Tell(Push(6, 60m));

        await _kit.AwaitAssertAsync(() => Assert.Equal("80.0", _cartona.Catalog.TryGet("3")!.SellingPrice), TimeSpan.FromSeconds(30));
        var status = await _node.Marketplaces.Ask<MarketplaceStatus>(new GetMarketplaceStatus("cartona"), TimeSpan.FromSeconds(5));
        Assert.Equal(0, status.Waiting);
        lock (applied) Assert.DoesNotContain("40.0", applied);
        lock (applied) Assert.DoesNotContain("60.0", applied);
        lock (applied) Assert.Equal("80.0", applied[^1]);
    }

    [Fact]
    public async Task A_product_the_marketplace_does_not_know_is_refused_recorded_and_not_retried()
    {
        var probe = _kit.CreateTestProbe();
        _node.Products.Tell(Link("sku-unknown", "no-such-product", 9m), probe.Ref);
        _node.Products.Tell(Link("sku-known", "4", 9m), probe.Ref);
        probe.ReceiveN(2, TimeSpan.FromSeconds(10));

        await _kit.AwaitAssertAsync(async () =>
        {
            var entry = await _node.PushEntryAsync("cartona", "sku-unknown");
            Assert.Contains("not found", entry.Refusal);
        }, TimeSpan.FromSeconds(30));
        await WaitUntilConfirmedAsync("sku-known", 9m);
        var status = await _node.Marketplaces.Ask<MarketplaceStatus>(new GetMarketplaceStatus("cartona"), TimeSpan.FromSeconds(5));
        Assert.Contains(status.Ledger.RecentIssues, i => i.ProductId == "sku-unknown" && i.Kind == "item_rejected");
        Assert.Equal("9.0", _cartona.Catalog.TryGet("4")!.SellingPrice);
    }

    [Fact]
    public void The_running_journal_uses_the_tuned_sqlite_settings()
    {
        var config = _node.System.Settings.Config;
        Assert.Equal(1, config.GetInt("akka.persistence.journal.sql.parallelism"));
        Assert.Equal(50_000, config.GetInt("akka.persistence.journal.sql.buffer-size"));
        Assert.Equal("Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster", config.GetString("akka.cluster.downing-provider-class"));
        Assert.Equal("akka.persistence.journal.sql", config.GetString("akka.persistence.journal.plugin"));
    }

    [Fact]
    public void An_update_naming_an_unknown_connection_is_refused_and_writes_nothing()
    {
        var probe = _kit.CreateTestProbe();
        _node.Products.Tell(new UpdateProduct("sku-x", 5m, null, null,
            [new ListingRequest("amazon", new ListingRef("InternalProductId", "1"))], null), probe.Ref);
        var result = probe.ExpectMsg<ProductUpdateResult>();
        Assert.False(result.Accepted);
        Assert.Contains("unknown connection 'amazon'", result.Error);
        _node.Products.Tell(new GetProduct("sku-x"), probe.Ref);
        Assert.Equal(0, probe.ExpectMsg<ProductState>().Version);
    }
}
