using System.Globalization;
using System.Net;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Sandbox.Tests.Cartona;

public sealed class EmulatorOrderPullTests
{
    [Fact]
    public async Task A_placed_order_is_pulled_in_cartonas_documented_shape()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var placed = scope.Emulator.Orders.Place(OrderScope.Spec("GMNvpbLM") with
        {
            ReceiptId = "R-1", SupplierCode = "7", CartonaCredit = 50, InstallmentCost = 2990, WalletTopUp = 100,
        });

        var order = Assert.Single(await scope.PullAsync());

        Assert.Equal("GMNvpbLM", order.GetProperty("hashed_id").GetString());
        Assert.Equal("R-1", order.GetProperty("receipt_id").GetString());
        Assert.Equal("7", order.GetProperty("supplier_code").GetString());
        Assert.Equal("pending", order.GetProperty("status").GetString());
        Assert.Equal("delivered_by_supplier", order.GetProperty("delivered_by").GetString());
        Assert.Equal(2015m, order.GetProperty("total_price").GetDecimal());
        Assert.Equal(50m, order.GetProperty("cartona_credit").GetDecimal());
        Assert.Equal(2990m, order.GetProperty("installment_cost").GetDecimal());
        Assert.Equal(100m, order.GetProperty("wallet_top_up").GetDecimal());
        var retailer = order.GetProperty("retailer");
        Assert.Equal("A00315", retailer.GetProperty("retailer_code").GetString());
        Assert.Equal("حياه ماركت", retailer.GetProperty("retailer_name").GetString());
        Assert.Equal("+201066313459", retailer.GetProperty("retailer_number").GetString());
        var details = order.GetProperty("order_details").EnumerateArray().ToList();
        Assert.Equal(2, details.Count);
        Assert.Equal(placed.Details[0].Id, details[0].GetProperty("id").GetInt64());
        Assert.NotEqual(details[0].GetProperty("id").GetInt64(), details[1].GetProperty("id").GetInt64());
        Assert.Equal("904", details[0].GetProperty("internal_product_id").GetString());
        Assert.Equal("110774", details[0].GetProperty("supplier_product_id").GetString());
        Assert.Equal("Rice 1kg", details[0].GetProperty("product_name").GetString());
        Assert.Equal(10m, details[0].GetProperty("amount").GetDecimal());
        Assert.Equal(200m, details[0].GetProperty("selling_price").GetDecimal());
        foreach (var name in new[] { "applied_supplier_discount", "applied_cartona_discount", "comment" })
            Assert.True(details[0].TryGetProperty(name, out _), name);
        // An installment order carries an OTP the retailer would read out.
        Assert.Matches("^[0-9]{6}$", placed.Otp);
    }

    [Fact]
    public async Task Prices_may_be_served_as_text()
    {
        await using var scope = await EmulatorScope.StartAsync(o => o.OrderPricesAsText = true);
        scope.Emulator.Orders.Place(OrderScope.Spec("A"));

        var order = Assert.Single(await scope.PullAsync());

        Assert.Equal("2015.0", order.GetProperty("total_price").GetString());
        Assert.Equal("7.5", order.GetProperty("order_details")[1].GetProperty("selling_price").GetString());
    }

    [Fact]
    public async Task Generated_hashed_ids_are_unique_eight_character_ids()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var ids = Enumerable.Range(0, 200).Select(_ => scope.Emulator.Orders.Place(OrderScope.Spec()).HashedId).ToList();

        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9]{8}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Unacked_orders_are_paged_in_update_order_and_per_page_is_capped_at_100()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var placed = Enumerable.Range(0, 105)
            .Select(i => scope.Emulator.Orders.Place(OrderScope.Spec($"O{i.ToString("D3", CultureInfo.InvariantCulture)}")).HashedId)
            .ToList();

        var page1 = await scope.PullIdsAsync(page: 1, perPage: 40);
        var page2 = await scope.PullIdsAsync(page: 2, perPage: 40);
        var page3 = await scope.PullIdsAsync(page: 3, perPage: 40);
        var defaultPage = await scope.PullIdsAsync();
        var capped = await scope.PullIdsAsync(perPage: 500);
        var beyond = await scope.PullIdsAsync(page: 9, perPage: 40);

        Assert.Equal(placed, page1.Concat(page2).Concat(page3));
        Assert.Equal(25, page3.Count);
        Assert.Equal(placed.Take(100), defaultPage);
        Assert.Equal(100, capped.Count);
        Assert.Empty(beyond);
    }

    [Fact]
    public async Task Pulling_does_not_dequeue_but_an_ack_does_and_repeating_it_is_a_no_op()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Orders.Place(OrderScope.Spec("A"));
        scope.Emulator.Orders.Place(OrderScope.Spec("B"));

        Assert.Equal(["A", "B"], await scope.PullIdsAsync());
        Assert.Equal(["A", "B"], await scope.PullIdsAsync()); // re-delivered until acked

        var (status, body) = await scope.AckAsync("A");
        var (again, _) = await scope.AckAsync("A");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("acked_version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(["B"], await scope.PullIdsAsync());
        var a = scope.Emulator.Orders.Get("A")!;
        Assert.True(a.Acked);
        Assert.Equal("pending", a.Status); // synced is not a status
        Assert.Empty(a.StatusHistory);
        Assert.Equal(1, scope.Emulator.Orders.QueuedCount);
        Assert.Equal(2, scope.Emulator.Orders.Count);
    }

    [Fact]
    public async Task An_ack_without_a_pull_acknowledges_nothing()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Orders.Place(OrderScope.Spec("A"));

        var (status, _) = await scope.AckAsync("A");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(scope.Emulator.Orders.Get("A")!.Acked);
        Assert.Equal(["A"], await scope.PullIdsAsync());
    }

    [Fact]
    public async Task A_retailer_edit_or_cancel_after_the_ack_requeues_the_order_with_a_new_version()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var orders = scope.Emulator.Orders;
        var placed = orders.Place(OrderScope.Spec("A"));
        orders.Place(OrderScope.Spec("B"));
        await scope.PullAsync();
        await scope.AckAsync("A");
        await scope.AckAsync("B");
        Assert.Empty(await scope.PullAsync());

        orders.RetailerEdit("A");
        var editing = Assert.Single(await scope.PullAsync());
        Assert.Equal("editing", editing.GetProperty("status").GetString());
        orders.RetailerFinishEdit("A", [new CartonaOrderLineSpec("904", 3, 200) { Id = placed.Details[0].Id }, new CartonaOrderLineSpec("77", 1, 5)]);
        orders.RetailerCancel("B");

        var pulled = await scope.PullAsync();
        Assert.Equal(["A", "B"], pulled.Select(o => o.GetProperty("hashed_id").GetString()));
        var edited = pulled[0];
        Assert.Equal("pending", edited.GetProperty("status").GetString());
        var lines = edited.GetProperty("order_details").EnumerateArray()
            .Select(d => (d.GetProperty("id").GetInt64(), d.GetProperty("internal_product_id").GetString(), d.GetProperty("amount").GetDecimal()))
            .ToList();
        Assert.Equal(placed.Details[0].Id, lines[0].Item1);
        Assert.Equal(("904", 3m), (lines[0].Item2, lines[0].Item3));
        Assert.Equal(("77", 1m), (lines[1].Item2, lines[1].Item3));
        Assert.Equal(2, lines.Count); // "905" was dropped by the retailer
        Assert.Equal("cancelled_by_retailer", pulled[1].GetProperty("status").GetString());
        Assert.Equal(3, orders.Get("A")!.Version);
        Assert.Equal(2, orders.Get("B")!.Version);

        await scope.AckAsync("A");
        await scope.AckAsync("B");
        Assert.Empty(await scope.PullAsync());
        Assert.True(orders.Get("A")!.Acked);
        Assert.Equal(3, orders.Get("A")!.AckedVersion);
    }

    [Fact]
    public async Task An_ack_of_an_older_version_than_the_latest_keeps_the_order_queued()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var orders = scope.Emulator.Orders;
        orders.Place(OrderScope.Spec("A"));
        await scope.PullAsync(); // returns version 1
        orders.RetailerCancel("A"); // version 2, not yet pulled

        await scope.AckAsync("A");

        var state = orders.Get("A")!;
        Assert.Equal(1, state.AckedVersion);
        Assert.Equal(2, state.Version);
        Assert.False(state.Acked);
        var again = Assert.Single(await scope.PullAsync());
        Assert.Equal("cancelled_by_retailer", again.GetProperty("status").GetString());
        await scope.AckAsync("A");
        Assert.Empty(await scope.PullAsync());
    }

    [Fact]
    public async Task Changes_are_pulled_in_the_order_they_happened()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var orders = scope.Emulator.Orders;
        orders.Place(OrderScope.Spec("Z"));
        orders.Place(OrderScope.Spec("Y"));
        orders.Place(OrderScope.Spec("X"));
        orders.RetailerCancel("Z");

        Assert.Equal(["Y", "X", "Z"], await scope.PullIdsAsync());
    }

    [Fact]
    public async Task Supplier_status_changes_do_not_requeue_an_acked_order()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Orders.Place(OrderScope.Spec("A"));
        await scope.PullAsync();
        await scope.AckAsync("A");

        var (status, _) = await scope.SendStatusAsync("A", "approved");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(await scope.PullAsync());
        Assert.Equal(1, scope.Emulator.Orders.Get("A")!.Version);
    }

    [Fact]
    public async Task A_cartona_side_change_requeues_the_order()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var orders = scope.Emulator.Orders;
        orders.Place(OrderScope.Spec("A") with { DeliveredBy = CartonaOrderStatus.DeliveredByCartona });
        await scope.PullAsync();
        await scope.AckAsync("A");

        orders.CartonaDeliver("A");

        var order = Assert.Single(await scope.PullAsync());
        Assert.Equal("delivered", order.GetProperty("status").GetString());
        Assert.Equal("delivered_by_cartona", order.GetProperty("delivered_by").GetString());
    }

    [Fact]
    public async Task Each_account_sees_and_acts_on_its_own_orders_only()
    {
        await using var scope = await EmulatorScope.StartAsync(o => o.Tokens.Add("other-token"));
        scope.Emulator.Orders.Place(OrderScope.Spec("MINE") with { Token = EmulatorScope.Token });
        scope.Emulator.Orders.Place(OrderScope.Spec("THEIRS") with { Token = "other-token", SupplierCode = "2" });

        Assert.Equal(["MINE"], await scope.PullIdsAsync());
        var (status, body) = await scope.SendStatusAsync("THEIRS", "approved");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not_found", body.Error());
        Assert.Equal("pending", scope.Emulator.Orders.Get("THEIRS")!.Status);
        Assert.Throws<ArgumentException>(() => scope.Emulator.Orders.Place(OrderScope.Spec()));
    }

    [Fact]
    public async Task Auth_rate_limit_faults_and_recording_apply_to_order_calls()
    {
        await using var scope = await EmulatorScope.StartAsync(o => { o.RequestsPerSecond = 0.01; o.Burst = 2; });
        scope.Emulator.Orders.Place(OrderScope.Spec("A"));
        scope.Emulator.Faults.Enqueue(new CartonaFault.ServerError(503), pathPrefix: "order/pull-orders");

        using var unauthorised = await scope.GetAsync("order/pull-orders", token: "wrong");
        using var faulted = await scope.GetAsync("order/pull-orders");
        Assert.Single(await scope.PullAsync());
        var (statusCall, _) = await scope.SendStatusAsync("A", "approved");
        using var limited = await scope.GetAsync("order/pull-orders");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal((HttpStatusCode)429, statusCall);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("pending", scope.Emulator.Orders.Get("A")!.Status);
        Assert.Equal([401, 503, 200, 429, 429], scope.Emulator.Calls.Select(c => c.Status));
        Assert.Contains(scope.Emulator.Calls, c => c.Path == "/api/v1/order/update-order-status/A" && c.Body!.Contains("approved"));
    }

    [Fact]
    public async Task The_retailer_side_refuses_what_a_retailer_cannot_do()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var orders = scope.Emulator.Orders;
        orders.Place(OrderScope.Spec("A", status: CartonaOrderStatus.AssignedToSalesman));
        orders.Place(OrderScope.Spec("B"));

        Assert.Throws<InvalidOperationException>(() => orders.RetailerCancel("A"));
        Assert.Throws<InvalidOperationException>(() => orders.RetailerEdit("A"));
        Assert.Throws<InvalidOperationException>(() => orders.RetailerFinishEdit("B", [new CartonaOrderLineSpec("1", 1, 1)]));
        Assert.Throws<InvalidOperationException>(() => orders.CartonaDeliver("B"));
        Assert.Throws<KeyNotFoundException>(() => orders.RetailerCancel("nope"));
        Assert.Throws<InvalidOperationException>(() => orders.Place(OrderScope.Spec("B")));
        Assert.Equal(1, orders.Get("A")!.Version);
        Assert.Equal(1, orders.Get("B")!.Version);
    }
}
