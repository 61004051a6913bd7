using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartonaActors.Sandbox.Cartona;
using CartonaActors.Sandbox.Odoo;
using Xunit.Abstractions;

namespace CartonaActors.Service.Tests;

/// <summary>Cartona orders (emulated) -> service -> Odoo sale orders and customers (emulated), and status both ways.</summary>
public sealed class OrderSpecs(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string[]> OneConnection = new() { ["cartona"] = ["WH1"] };
    private static readonly Dictionary<string, string?> FastRecheck = new() { ["CartonaActors:Orders:HeldRecheck"] = "00:00:00.5" };

    private static Task<OdooWorld> WorldAsync(int variants = 5, Dictionary<string, string?>? extra = null) =>
        OdooWorld.StartAsync(o => { o.AddWarehouse("WH1", "Main"); o.SeedCatalog(variants, 10m, 100m); }, OneConnection, variants, extra ?? FastRecheck);

    private static CartonaOrderState Place(OdooWorld w, string retailerCode = "R1", string product = "1", decimal installment = 0,
        string deliveredBy = CartonaOrderStatus.DeliveredBySupplier) =>
        w.Cartona["cartona"].Orders.Place(new CartonaOrderSpec
        {
            Retailer = new CartonaOrderRetailer($"Shop {retailerCode}", retailerCode, "+2010000" + retailerCode),
            Details = [new CartonaOrderLineSpec(product, 2, 9.5m), new CartonaOrderLineSpec("2", 1, 20m)],
            InstallmentCost = installment, DeliveredBy = deliveredBy,
        });

    private static async Task PullAsync(OdooWorld w) =>
        Assert.Equal(HttpStatusCode.Accepted, (await w.Service.Http.PostAsync("/api/connections/cartona/pull-orders", null)).StatusCode);

    /// <summary>The order as the admin API shows it; an empty object until it has been pulled.</summary>
    private static async Task<JsonElement> OrderAsync(OdooWorld w, string hashedId)
    {
        using var response = await w.Service.Http.GetAsync($"/api/orders/cartona/{hashedId}");
        return response.StatusCode == HttpStatusCode.NotFound
            ? JsonDocument.Parse("{\"flags\":[],\"refused\":[]}").RootElement
            : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int Pulls(OdooWorld w) => w.Cartona["cartona"].Calls.Count(c => c.Path.Contains("pull-orders"));

    private static async Task UntilAsync(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what} not reached within {seconds} s");
            await Task.Delay(100);
        }
    }

    private static IReadOnlyList<OdooSaleOrderRecord> SaleOrdersFor(OdooWorld w, string hashedId) =>
        w.Odoo.SaleOrders().Where(o => o.ClientOrderRef == "cartona/" + hashedId).ToList();

    [Fact]
    public async Task An_order_pulled_many_times_and_again_after_losing_all_state_makes_one_sale_order_and_one_customer()
    {
        var journal = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("cartona-orders-").FullName, "journal.db")}";
        var extra = new Dictionary<string, string?>(FastRecheck) { ["CartonaActors:Persistence:ConnectionString"] = journal };
        await using var world = await WorldAsync(extra: extra);
        var order = Place(world);
        // The acknowledgement is refused for now: the order stays in Cartona's queue and is pulled again and again,
        // some pulls arriving while its import is still running.
        world.Cartona["cartona"].Faults.FailAll(422, "order/update-order-status");
        for (var i = 1; i <= 5; i++)
        {
            await PullAsync(world);
            var expected = i;
            await UntilAsync(() => Pulls(world) >= expected, $"pull {i}");
        }
        await UntilAsync(() => SaleOrdersFor(world, order.HashedId).Count == 1, "sale order created");
        Assert.False(world.Cartona["cartona"].Orders.Get(order.HashedId)!.Acked);

        // Everything the service knew is lost (a fresh journal): the lookup by client_order_ref still finds the order.
        await world.Service.DisposeAsync();
        var fresh = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("cartona-orders-").FullName, "journal.db")}";
        world.Cartona["cartona"].Faults.Clear();
        await using var again = await TestService.StartAsync(ServiceSettings(world, fresh));
        Assert.Equal(HttpStatusCode.Accepted, (await again.Http.PostAsync("/api/connections/cartona/pull-orders", null)).StatusCode);
        await UntilAsync(() => world.Cartona["cartona"].Orders.Get(order.HashedId)!.Acked, "acknowledged on Cartona");

        var saleOrder = Assert.Single(SaleOrdersFor(world, order.HashedId));
        Assert.Equal(2, saleOrder.Lines.Count);
        Assert.Equal($"Cartona Order {order.HashedId}", saleOrder.Origin);
        var partner = Assert.Single(world.Odoo.Partners(), p => p.Ref == "retailer_R1");
        Assert.Equal(saleOrder.PartnerId, partner.Id);
        Assert.Equal("Shop R1", partner.Name);
    }

    private static Dictionary<string, string?> ServiceSettings(OdooWorld w, string journal) => new()
    {
        ["CartonaActors:Persistence:Provider"] = "Sqlite",
        ["CartonaActors:Persistence:ConnectionString"] = journal,
        ["CartonaActors:Odoo:Url"] = w.Odoo.BaseUrl,
        ["CartonaActors:Odoo:Database"] = "erp",
        ["CartonaActors:Odoo:Login"] = OdooWorld.Login,
        ["CartonaActors:Odoo:ApiKey"] = OdooWorld.ApiKey,
        ["CartonaActors:ErpSync:WebhookSecret"] = OdooWorld.WebhookSecret,
        ["CartonaActors:Connections:0:Name"] = "cartona",
        ["CartonaActors:Connections:0:Platform"] = "cartona",
        ["CartonaActors:Connections:0:BaseUrl"] = w.Cartona["cartona"].BaseUrl,
        ["CartonaActors:Connections:0:Token"] = OdooWorld.CartonaToken,
        ["CartonaActors:Connections:0:Warehouses:0"] = "WH1",
    };

    [Fact]
    public async Task An_order_with_an_unknown_product_is_held_whole_then_imported_once_the_product_exists()
    {
        await using var world = await WorldAsync(variants: 3);
        var order = Place(world, product: "4");   // variant 4 does not exist yet
        await PullAsync(world);
        await UntilAsync(() => OrderAsync(world, order.HashedId).Result.TryGetProperty("held", out var h) && h.ValueKind == JsonValueKind.String, "held");
        var held = await OrderAsync(world, order.HashedId);
        Assert.Contains("variant_not_found", held.GetProperty("held").GetString());
        Assert.Empty(SaleOrdersFor(world, order.HashedId));
        Assert.False(world.Cartona["cartona"].Orders.Get(order.HashedId)!.Acked);
        var heldRow = await SyncLogApi.UntilRowAsync(world.Service.Http, r => r.Text("kind") == "order_held", "the held order", "?level=warning");
        Assert.Equal($"cartona/{order.HashedId}", heldRow.Text("orderId"));
        Assert.Contains("variant_not_found", heldRow.Text("message"));

        var added = world.Odoo.AddProduct("New product", 12m, ["SKU-NEW"]);
        Assert.Equal(4, added.VariantIds[0]);
        await UntilAsync(() => SaleOrdersFor(world, order.HashedId).Count == 1 && world.Cartona["cartona"].Orders.Get(order.HashedId)!.Acked, "imported after the link");
        Assert.Equal(2, Assert.Single(SaleOrdersFor(world, order.HashedId)).Lines.Count);
        Assert.Equal(1, world.Service.Log.Lines.Count(l => l.Contains("held (version 1)")));
        // Counted by outcome, once each: held, then imported.
        const string labels = "connection=\"cartona\",platform=\"cartona\"";
        await UntilAsync(() => PrometheusText.Value(world.Service.Http.GetStringAsync("/metrics").Result, "cartona_sync_orders_total", labels + ",outcome=\"imported\"") == 1,
            "the import in /metrics");
        Assert.Equal(1, PrometheusText.Value(await world.Service.Http.GetStringAsync("/metrics"), "cartona_sync_orders_total", labels + ",outcome=\"held\""));
    }

    [Fact]
    public async Task Statuses_flow_both_ways_and_refused_transitions_are_not_sent()
    {
        await using var world = await WorldAsync();
        var cartona = world.Cartona["cartona"].Orders;
        var confirmed = Place(world, "R1");
        var cancelledByRetailer = Place(world, "R2");
        var cancelledInErp = Place(world, "R3");
        var byCartona = Place(world, "R4", deliveredBy: CartonaOrderStatus.DeliveredByCartona);
        var installment = Place(world, "R5", installment: 30);
        await PullAsync(world);
        var all = new[] { confirmed, cancelledByRetailer, cancelledInErp, byCartona, installment };
        await UntilAsync(() => all.All(o => cartona.Get(o.HashedId)!.Acked), "all imported and acknowledged");
        long ErpId(CartonaOrderState o) => SaleOrdersFor(world, o.HashedId).Single().Id;

        // ERP -> Cartona: confirm -> approved; delivery validated -> delivered.
        await world.Odoo.ConfirmSaleOrderAsync(ErpId(confirmed));
        await UntilAsync(() => cartona.Get(confirmed.HashedId)!.Status == CartonaOrderStatus.Approved, "approved on Cartona");
        await world.Odoo.ValidateDeliveryAsync(ErpId(confirmed));
        await UntilAsync(() => cartona.Get(confirmed.HashedId)!.Status == CartonaOrderStatus.Delivered, "delivered on Cartona");

        // Cartona -> ERP: the retailer cancels -> the ERP order is cancelled, not echoed back as a supplier cancel.
        cartona.RetailerCancel(cancelledByRetailer.HashedId);
        await PullAsync(world);
        await UntilAsync(() => SaleOrdersFor(world, cancelledByRetailer.HashedId).Single().State == "cancel", "cancelled in the ERP");
        await UntilAsync(() => cartona.Get(cancelledByRetailer.HashedId)!.Acked, "cancellation acknowledged");
        Assert.Equal(CartonaOrderStatus.CancelledByRetailer, cartona.Get(cancelledByRetailer.HashedId)!.Status);

        // ERP cancel -> cancelled_by_supplier with a reason.
        await world.Odoo.CancelSaleOrderAsync(ErpId(cancelledInErp));
        await UntilAsync(() => cartona.Get(cancelledInErp.HashedId)!.Status == CartonaOrderStatus.CancelledBySupplier, "cancelled by supplier on Cartona");
        Assert.Equal("supplier_asked_me_to_cancel", cartona.Get(cancelledInErp.HashedId)!.CancellationReason);

        // Delivered by Cartona: confirming in the ERP sends nothing.
        await world.Odoo.ConfirmSaleOrderAsync(ErpId(byCartona));
        // OTP order: the ERP delivery alone does not mark it delivered; a wrong OTP is refused; the right one works.
        await world.Odoo.ConfirmSaleOrderAsync(ErpId(installment));
        await UntilAsync(() => cartona.Get(installment.HashedId)!.Status == CartonaOrderStatus.Approved, "installment approved");
        await world.Odoo.ValidateDeliveryAsync(ErpId(installment));
        await UntilAsync(() => OrderAsync(world, installment.HashedId).Result.GetProperty("flags").EnumerateArray().Any(f => f.GetString()!.Contains("OTP")), "OTP flag");
        Assert.Equal(CartonaOrderStatus.Approved, cartona.Get(installment.HashedId)!.Status);
        (await world.Service.Http.PostAsJsonAsync($"/api/orders/cartona/{installment.HashedId}/deliver", new { otp = "000000-wrong" })).EnsureSuccessStatusCode();
        await UntilAsync(() => OrderAsync(world, installment.HashedId).Result.GetProperty("refused").GetArrayLength() > 0, "wrong OTP refused");
        Assert.Equal(CartonaOrderStatus.Approved, cartona.Get(installment.HashedId)!.Status);
        (await world.Service.Http.PostAsJsonAsync($"/api/orders/cartona/{installment.HashedId}/deliver", new { otp = cartona.Get(installment.HashedId)!.Otp })).EnsureSuccessStatusCode();
        await UntilAsync(() => cartona.Get(installment.HashedId)!.Status == CartonaOrderStatus.Delivered, "delivered with the OTP");

        Assert.Equal(CartonaOrderStatus.Pending, cartona.Get(byCartona.HashedId)!.Status);
        Assert.DoesNotContain(cartona.Get(byCartona.HashedId)!.StatusHistory, h => h.To != CartonaOrderStatus.CancelledBySupplier);
        // Nothing illegal was ever sent: Cartona refused no status change.
        Assert.DoesNotContain(world.Cartona["cartona"].Calls, c => c.Path.Contains("update-order-status") && c.Status == 422 && !c.Path.Contains(installment.HashedId));
    }

    [Fact]
    public async Task A_retailer_edit_of_a_draft_order_replaces_its_lines_and_erp_line_edits_reach_cartona()
    {
        await using var world = await WorldAsync();
        var cartona = world.Cartona["cartona"].Orders;
        var order = Place(world);
        await PullAsync(world);
        await UntilAsync(() => cartona.Get(order.HashedId)!.Acked, "imported");

        cartona.RetailerEdit(order.HashedId);
        await PullAsync(world);
        var lines = cartona.Get(order.HashedId)!.Details;
        cartona.RetailerFinishEdit(order.HashedId, [new CartonaOrderLineSpec("1", 5, 9.5m) { Id = lines[0].Id }, new CartonaOrderLineSpec("3", 1, 4m)]);
        await PullAsync(world);
        await UntilAsync(() => SaleOrdersFor(world, order.HashedId).Single().Lines.Select(l => (l.ProductId, l.Quantity)).OrderBy(x => x.ProductId)
            .SequenceEqual([(1L, 5m), (3L, 1m)]), "edit applied in the ERP");
        await UntilAsync(() => cartona.Get(order.HashedId)!.Acked, "edit acknowledged");

        // Supplier edits the quantity in the ERP -> update-order-details on Cartona.
        var line = SaleOrdersFor(world, order.HashedId).Single().Lines.Single(l => l.ProductId == 1);
        await world.Odoo.SetLineQuantityAsync(line.Id, 4);
        await UntilAsync(() => cartona.Get(order.HashedId)!.DetailEdits.Any(e => e.Amount == 4), "line edit on Cartona");
        Assert.Single(SaleOrdersFor(world, order.HashedId));
    }

    [Fact]
    public async Task Hundreds_of_orders_are_acknowledged_in_bulk_calls_within_cartonas_five_calls_a_second()
    {
        await using var world = await WorldAsync(variants: 5);
        var cartona = world.Cartona["cartona"];
        for (var i = 0; i < 300; i++) Place(world, "R" + (i % 30));

        await PullAsync(world);
        await UntilAsync(() => cartona.Orders.QueuedCount == 0, "every order acknowledged", seconds: 120);

        var statusCalls = cartona.Calls.Where(c => c.Path.Contains("update-order-status")).ToList();
        output.WriteLine($"300 orders acknowledged with {statusCalls.Count} status calls");
        Assert.DoesNotContain(statusCalls, c => !c.Path.EndsWith("update-order-status", StringComparison.Ordinal));
        // 100 per call at most; more, smaller calls while imports finish and the budget has room: at most a quarter
        // of the calls one acknowledgement per order would take.
        Assert.InRange(statusCalls.Count, 3, 75);
        Assert.Equal(300, world.Odoo.SaleOrders().Count);
    }

    [Fact]
    public async Task A_sale_order_created_in_Odoo_whose_answer_was_lost_is_found_on_the_retry_not_created_again()
    {
        var extra = new Dictionary<string, string?>(FastRecheck) { ["CartonaActors:Odoo:Timeout"] = "00:00:02" };
        await using var world = await WorldAsync(extra: extra);
        world.Odoo.Options.LoseAnswers["sale.order/create"] = 1; // Odoo commits the order; the service times out
        var order = Place(world);

        await PullAsync(world);
        await UntilAsync(() => world.Cartona["cartona"].Orders.Get(order.HashedId)!.Acked, "order acknowledged", seconds: 60);

        Assert.Single(SaleOrdersFor(world, order.HashedId));
        Assert.Equal(1, world.Odoo.Calls.Count(c => c.Model == "sale.order" && c.Method == "create"));
        Assert.Contains(world.Service.Log.Lines, l => l.Contains("created before, not yet recorded"));
    }

    [Fact]
    public async Task Orders_that_passivate_while_their_imports_wait_for_a_slow_Odoo_are_imported_once_each()
    {
        // One Odoo call at a time, 100 ms each: the later orders wait many seconds for their turn, far past the
        // one-second idle passivation, while Cartona's queue offers them again to every pull.
        var extra = new Dictionary<string, string?>(FastRecheck)
        {
            ["CartonaActors:Odoo:MaxConcurrentCalls"] = "1",
            ["CartonaActors:Orders:ConcurrentErpSteps"] = "20",
            ["CartonaActors:Orders:PassivateIdleAfter"] = "00:00:01",
            ["cartona:rate"] = "100", ["cartona:burst"] = "100",
            ["CartonaActors:Connections:0:RequestsPerSecond"] = "100", ["CartonaActors:Connections:0:Burst"] = "100",
        };
        await using var world = await OdooWorld.StartAsync(o =>
        {
            o.AddWarehouse("WH1", "Main");
            o.SeedCatalog(5, 10m, 100m);
        }, OneConnection, 5, extra);
        world.Odoo.Options.ResponseDelay = TimeSpan.FromMilliseconds(100);
        var orders = Enumerable.Range(1, 20).Select(i => Place(world, "R" + i)).ToList();
        // Pulled every three seconds: long enough apart for a waiting order to passivate between two pulls.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (world.Cartona["cartona"].Orders.QueuedCount > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("every order acknowledged not reached within 120 s");
            await PullAsync(world);
            await Task.Delay(TimeSpan.FromSeconds(3)); // the schedule's pace, not a wait for a condition
        }

        foreach (var order in orders) Assert.Single(SaleOrdersFor(world, order.HashedId));
        Assert.Equal(orders.Count, world.Odoo.SaleOrders().Count);
    }

    [Fact]
    public async Task Ten_thousand_orders_from_two_thousand_retailers_are_all_imported_exactly_once()
    {
        var orders = int.Parse(Environment.GetEnvironmentVariable("CARTONA_TEST_ORDERS") ?? "10000");
        var retailers = orders / 5;
        var extra = new Dictionary<string, string?>(FastRecheck)
        {
            ["cartona:rate"] = "1000", ["cartona:burst"] = "1000",
            ["CartonaActors:Connections:0:RequestsPerSecond"] = "1000", ["CartonaActors:Connections:0:Burst"] = "1000",
            ["CartonaActors:Connections:0:MaxConcurrentRequests"] = "8",
            ["CartonaActors:LogLevel"] = Environment.GetEnvironmentVariable("CARTONA_TEST_ORDERS") is null ? "Warning" : "Information",
        };
        await using var world = await WorldAsync(variants: 50, extra: extra);
        var random = new Random(3);
        for (var i = 0; i < orders; i++)
            world.Cartona["cartona"].Orders.Place(new CartonaOrderSpec
            {
                Retailer = new CartonaOrderRetailer($"Shop {i % retailers}", $"R{i % retailers}"),
                Details = [new CartonaOrderLineSpec(random.Next(1, 51).ToString(), random.Next(1, 5), 10m)],
            });
        var clock = Stopwatch.StartNew();
        await PullAsync(world);
        await UntilAsync(() => world.Cartona["cartona"].Orders.QueuedCount == 0, "every order acknowledged", seconds: 900);
        var elapsed = clock.Elapsed;
        var saleOrders = world.Odoo.SaleOrders();
        output.WriteLine($"{orders} orders from {retailers} retailers imported and acknowledged in {elapsed.TotalSeconds:0.0} s ({orders / elapsed.TotalSeconds:0} orders/s); Odoo calls {world.Odoo.Calls.Count}");
        Assert.Equal(orders, saleOrders.Count);
        Assert.Equal(orders, saleOrders.Select(o => o.ClientOrderRef).Distinct().Count());
        Assert.Equal(retailers, world.Odoo.Partners().Count(p => p.Ref?.StartsWith("retailer_") == true));
        Assert.Equal(retailers, world.Odoo.Partners().Select(p => p.Ref).Distinct().Count());
    }
}
