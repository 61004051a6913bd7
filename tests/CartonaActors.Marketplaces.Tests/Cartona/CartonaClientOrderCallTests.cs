using System.Diagnostics;
using System.Text.Json;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces.Cartona;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Marketplaces.Tests.Cartona;

public sealed class CartonaClientOrderCallTests
{
    private static CartonaOrderSpec Spec(string id, string status = "pending") => new()
    {
        HashedId = id,
        Status = status,
        Details = [new CartonaOrderLineSpec("904", 10, 200), new CartonaOrderLineSpec("905", 2, 7.5m)],
    };

    [Fact]
    public async Task A_status_update_sends_cartonas_object_body_without_nulls_and_is_applied()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Orders.Place(Spec("GMNvpbLM"));

        var outcome = await scope.Client.UpdateOrderStatusAsync("GMNvpbLM", new OrderStatusUpdate("approved"), CancellationToken.None);

        Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.Equal("approved", scope.Emulator.Orders.Get("GMNvpbLM")!.Status);
        var call = Assert.Single(scope.Emulator.Calls);
        Assert.Equal(("POST", "/api/v1/order/update-order-status/GMNvpbLM"), (call.Method, call.Path));
        Assert.Equal("""{"hashed_id":"GMNvpbLM","status":"approved"}""", call.Body);
    }

    [Fact]
    public async Task Acknowledgements_go_in_one_bulk_call_and_leave_the_queue()
    {
        await using var scope = await ClientScope.StartAsync();
        foreach (var id in new[] { "A", "B", "C" }) scope.Emulator.Orders.Place(Spec(id));
        var (_, page) = await scope.Client.PullOrdersAsync(new OrderPageRequest(1, 100, null, null), CancellationToken.None);
        Assert.Equal(3, page!.Orders.Count);
        scope.Emulator.ClearCalls();

        var outcome = await scope.Client.AcknowledgeAsync(["A", "B"], CancellationToken.None);

        Assert.IsType<CallOutcome.Accepted>(outcome);
        var call = Assert.Single(scope.Emulator.Calls);
        Assert.Equal(("POST", "/api/v1/order/update-order-status"), (call.Method, call.Path));
        Assert.Equal("""[{"hashed_id":"A","status":"synced"},{"hashed_id":"B","status":"synced"}]""", call.Body);
        Assert.Equal(1, scope.Emulator.Orders.QueuedCount);
    }

    [Fact]
    public async Task More_acknowledgements_than_one_call_carries_are_refused_before_any_call()
    {
        await using var scope = await ClientScope.StartAsync();
        var ids = Enumerable.Range(0, CartonaClient.MaxAcknowledgementsPerCall + 1).Select(i => "O" + i).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => scope.Client.AcknowledgeAsync(ids, CancellationToken.None));
        Assert.Empty(scope.Emulator.Calls);
    }

    [Fact]
    public async Task Otp_and_cancellation_reason_are_sent_when_given()
    {
        await using var scope = await ClientScope.StartAsync();
        var placed = scope.Emulator.Orders.Place(Spec("A", "approved") with { WalletTopUp = 100 });
        scope.Emulator.Orders.Place(Spec("B"));

        var delivered = await scope.Client.UpdateOrderStatusAsync("A", new OrderStatusUpdate("delivered", DeliveryCode: placed.Otp), CancellationToken.None);
        var cancelled = await scope.Client.UpdateOrderStatusAsync("B",
            new OrderStatusUpdate("cancelled_by_supplier", Reason: "supplier_asked_me_to_cancel"), CancellationToken.None);

        Assert.IsType<CallOutcome.Accepted>(delivered);
        Assert.IsType<CallOutcome.Accepted>(cancelled);
        Assert.Equal($$"""{"hashed_id":"A","status":"delivered","retailer_otp":"{{placed.Otp}}"}""", scope.Emulator.Calls[0].Body);
        Assert.Equal("""{"hashed_id":"B","status":"cancelled_by_supplier","cancellation_reason":"supplier_asked_me_to_cancel"}""",
            scope.Emulator.Calls[1].Body);
        Assert.Equal("supplier_asked_me_to_cancel", scope.Emulator.Orders.Get("B")!.CancellationReason);
    }

    [Fact]
    public async Task An_invalid_transition_is_refused_with_the_platforms_error_text()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Orders.Place(Spec("A", "delivered"));

        var outcome = await scope.Client.UpdateOrderStatusAsync("A", new OrderStatusUpdate("approved"), CancellationToken.None);

        var refused = Assert.IsType<CallOutcome.Refused>(outcome);
        Assert.Equal(422, refused.StatusCode);
        Assert.Contains("invalid_transition", refused.Reason);
        Assert.Contains("cannot move order A from delivered to approved", refused.Reason);
    }

    [Fact]
    public async Task A_wrong_otp_is_refused()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Orders.Place(Spec("A", "approved") with { InstallmentCost = 10, Otp = "123456" });

        var outcome = await scope.Client.UpdateOrderStatusAsync("A", new OrderStatusUpdate("delivered", DeliveryCode: "654321"), CancellationToken.None);

        var refused = Assert.IsType<CallOutcome.Refused>(outcome);
        Assert.Equal(422, refused.StatusCode);
        Assert.Contains("invalid_otp", refused.Reason);
        Assert.Equal("approved", scope.Emulator.Orders.Get("A")!.Status);
    }

    [Fact]
    public async Task A_hashed_id_is_escaped_into_one_path_segment()
    {
        await using var scope = await ClientScope.StartAsync();

        var outcome = await scope.Client.UpdateOrderStatusAsync("a/b c", new OrderStatusUpdate("approved"), CancellationToken.None);

        var refused = Assert.IsType<CallOutcome.Refused>(outcome);
        Assert.Equal(404, refused.StatusCode);
        Assert.Contains("order a/b c not found", refused.Reason);
        // The server shows the path decoded except for the slash, which stayed escaped: one segment.
        Assert.Equal("/api/v1/order/update-order-status/a%2Fb c", Assert.Single(scope.Emulator.Calls).Path);
    }

    [Fact]
    public async Task Line_edits_send_the_modules_array_body_and_are_applied()
    {
        await using var scope = await ClientScope.StartAsync();
        var placed = scope.Emulator.Orders.Place(Spec("A"));
        var (rice, salt) = (placed.Details[0].Id, placed.Details[1].Id);

        var outcome = await scope.Client.UpdateOrderLinesAsync("A",
        [
            new OrderLineChange(rice, null, 8m, 200.5m, Comment: ""),
            new OrderLineChange(null, "52", 2m, 7m),
            new OrderLineChange(salt, null, null, null, Cancelled: true),
        ], CancellationToken.None);

        Assert.IsType<CallOutcome.Accepted>(outcome);
        var call = Assert.Single(scope.Emulator.Calls);
        Assert.Equal("/api/v1/order/update-order-details", call.Path);
        Assert.Equal(
            $$"""[{"hashed_id":"A","order_details":[{"id":{{rice}},"amount":8,"price":200.5,"comment":""},{"internal_product_id":"52","amount":2,"price":7},{"id":{{salt}},"cancelled":true}]}]""",
            call.Body);
        var state = scope.Emulator.Orders.Get("A")!;
        Assert.Equal(
            [(rice, 8m, 200.5m, false), (salt, 2m, 7.5m, true)],
            state.Details.Take(2).Select(d => (d.Id, d.Amount, d.SellingPrice, d.Cancelled)));
        Assert.Equal(("52", 2m, 7m), (state.Details[2].InternalProductId, state.Details[2].Amount, state.Details[2].SellingPrice));
    }

    [Fact]
    public async Task A_line_edit_the_platform_refuses_is_refused()
    {
        await using var scope = await ClientScope.StartAsync();
        var placed = scope.Emulator.Orders.Place(Spec("A", "delivered"));
        scope.Emulator.Orders.Place(Spec("B"));

        var delivered = await scope.Client.UpdateOrderLinesAsync("A", [new OrderLineChange(placed.Details[0].Id, null, 1m, null)], CancellationToken.None);
        var unknown = await scope.Client.UpdateOrderLinesAsync("B", [new OrderLineChange(1, null, 1m, null)], CancellationToken.None);

        Assert.Contains("is delivered", Assert.IsType<CallOutcome.Refused>(delivered).Reason);
        Assert.Contains("order B has no detail 1", Assert.IsType<CallOutcome.Refused>(unknown).Reason);
    }

    [Fact]
    public async Task No_changes_make_no_call_and_impossible_changes_throw_before_calling()
    {
        await using var scope = await ClientScope.StartAsync();

        var none = await scope.Client.UpdateOrderLinesAsync("A", [], CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            scope.Client.UpdateOrderLinesAsync("A", [new OrderLineChange(null, null, 1m, 1m)], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            scope.Client.UpdateOrderLinesAsync("A", [new OrderLineChange(null, "5", null, null, Cancelled: true)], CancellationToken.None));

        Assert.IsType<CallOutcome.Accepted>(none);
        Assert.Empty(scope.Emulator.Calls);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Rate_limit_carries_retry_after(string endpoint)
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Faults.Enqueue(new CartonaFault.RateLimit(7));

        var outcome = await scope.Client.CallAsync(endpoint);

        Assert.Equal(new CallOutcome.RateLimited(TimeSpan.FromSeconds(7)), outcome);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_token_bucket_answers_rate_limited(string endpoint)
    {
        await using var scope = await ClientScope.StartAsync(o => { o.RequestsPerSecond = 0.25; o.Burst = 1; });

        await scope.Client.CallAsync(endpoint);
        var second = await scope.Client.CallAsync(endpoint);

        Assert.InRange(Assert.IsType<CallOutcome.RateLimited>(second).RetryAfter.TotalSeconds, 3, 4);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_refused_token_is_an_authentication_failure(string endpoint)
    {
        await using var scope = await ClientScope.StartAsync(connection: s => s.Token = "wrong-token");

        var outcome = await scope.Client.CallAsync(endpoint);

        Assert.Contains("401", Assert.IsType<CallOutcome.AuthenticationFailed>(outcome).Reason);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Cartonas_400_invalid_credentials_and_a_403_are_authentication_failures(string endpoint)
    {
        await using var scope = await ClientScope.StartAsync(o => o.AuthFailureStatus = 400, s => s.Token = "wrong-token");
        using var forbidden = new EchoServer(403);
        using var client = new CartonaClient(ClientScope.Settings(forbidden.BaseUrl));

        var outcome = await scope.Client.CallAsync(endpoint);
        var forbiddenOutcome = await client.CallAsync(endpoint);

        Assert.Contains("invalid credentials", Assert.IsType<CallOutcome.AuthenticationFailed>(outcome).Reason);
        Assert.Contains("403", Assert.IsType<CallOutcome.AuthenticationFailed>(forbiddenOutcome).Reason);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Another_4xx_is_refused_with_its_status(string endpoint)
    {
        using var server = new EchoServer(409, """{"error":"conflict"}""");
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var outcome = await client.CallAsync(endpoint);

        Assert.Equal(new CallOutcome.Refused(409, """HTTP 409: {"error":"conflict"}"""), outcome);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_5xx_is_transient_and_not_retried(string endpoint)
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Faults.FailAll(503);

        var outcome = await scope.Client.CallAsync(endpoint);

        Assert.Contains("503", Assert.IsType<CallOutcome.TransientFailure>(outcome).Reason);
        Assert.Single(scope.Emulator.Calls);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_timeout_is_transient_and_returns_at_the_client_timeout(string endpoint)
    {
        await using var scope = await ClientScope.StartAsync(connection: s => s.Timeout = TimeSpan.FromMilliseconds(300));
        scope.Emulator.Faults.Enqueue(new CartonaFault.Timeout(TimeSpan.FromSeconds(2)));
        var watch = Stopwatch.StartNew();

        var outcome = await scope.Client.CallAsync(endpoint);

        Assert.Contains("timed out", Assert.IsType<CallOutcome.TransientFailure>(outcome).Reason);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_refused_connection_is_transient(string endpoint)
    {
        using var client = new CartonaClient(ClientScope.Settings($"http://127.0.0.1:{CartonaClientOutcomeTests.ClosedPort()}/api/v1/"));

        var outcome = await client.CallAsync(endpoint);

        Assert.StartsWith("connection failed", Assert.IsType<CallOutcome.TransientFailure>(outcome).Reason);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_callers_cancellation_propagates(string endpoint)
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Faults.Enqueue(new CartonaFault.Timeout(TimeSpan.FromSeconds(5)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scope.Client.CallAsync(endpoint, cts.Token));
    }

    [Theory]
    [InlineData(OrderCalls.Status)]
    [InlineData(OrderCalls.Details)]
    public async Task A_2xx_body_of_any_shape_is_ok_unless_it_says_success_false(string endpoint)
    {
        foreach (var body in new[] { "", "{}", "not json", """{"success":true}""", "[]" })
        {
            using var server = new EchoServer(200, body);
            using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));
            Assert.IsType<CallOutcome.Accepted>(await client.CallAsync(endpoint));
        }
        using var refusing = new EchoServer(200, """{"success":false,"message":"order locked"}""");
        using var refusingClient = new CartonaClient(ClientScope.Settings(refusing.BaseUrl));

        var outcome = await refusingClient.CallAsync(endpoint);

        var refused = Assert.IsType<CallOutcome.Refused>(outcome);
        Assert.Equal(200, refused.StatusCode);
        Assert.Contains("order locked", refused.Reason);
    }

    [Theory]
    [InlineData(OrderCalls.Pull, 500)]
    [InlineData(OrderCalls.Pull, 400)]
    [InlineData(OrderCalls.Pull, 401)]
    [InlineData(OrderCalls.Pull, 422)]
    [InlineData(OrderCalls.Pull, 200)] // not a JSON array: the echo
    [InlineData(OrderCalls.Status, 500)]
    [InlineData(OrderCalls.Status, 403)]
    [InlineData(OrderCalls.Status, 422)]
    [InlineData(OrderCalls.Details, 502)]
    [InlineData(OrderCalls.Details, 401)]
    [InlineData(OrderCalls.Details, 422)]
    public async Task An_echoed_token_is_scrubbed_from_order_outcomes(string endpoint, int status)
    {
        using var server = new EchoServer(status);
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var reason = OrderCalls.ReasonOf(await client.CallAsync(endpoint));

        Assert.Contains("echo:", reason);
        Assert.DoesNotContain(ClientScope.Token, reason);
    }

    [Fact]
    public async Task A_token_echoed_inside_an_order_is_kept_out_of_the_unreadable_reason()
    {
        using var server = new EchoServer(200,
            $$"""[{"hashed_id":"A","total_price":"{{ClientScope.Token}}","retailer":{"retailer_code":"R"},"order_details":[]}]""");
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var (_, page) = await client.PullOrdersAsync(new OrderPageRequest(1, 100, null, null), CancellationToken.None);

        var unreadable = Assert.Single(page!.Unreadable);
        Assert.Contains("total_price", unreadable.Reason);
        Assert.DoesNotContain(ClientScope.Token, unreadable.Reason);
    }

    public static TheoryData<string> Endpoints => OrderCalls.All;
}
