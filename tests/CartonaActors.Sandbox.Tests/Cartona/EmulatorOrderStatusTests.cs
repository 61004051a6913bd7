using System.Net;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Sandbox.Tests.Cartona;

public sealed class EmulatorOrderStatusTests
{
    private static readonly string[] From =
    [
        "pending", "approved", "assigned_to_salesman", "delivered", "cancelled_by_supplier", "cancelled_by_retailer", "returned",
    ];

    private static readonly string[] To =
    [
        "pending", "approved", "assigned_to_salesman", "delivered", "cancelled_by_supplier", "returned",
        "editing", "cancelled_by_retailer", "shipped",
    ];

    private static readonly HashSet<(string, string)> Legal =
    [
        ("pending", "approved"), ("pending", "cancelled_by_supplier"),
        ("approved", "assigned_to_salesman"), ("approved", "delivered"), ("approved", "cancelled_by_supplier"), ("approved", "pending"),
        ("assigned_to_salesman", "delivered"), ("assigned_to_salesman", "cancelled_by_supplier"), ("assigned_to_salesman", "returned"),
    ];

    [Fact]
    public async Task Every_supplier_transition_is_allowed_or_refused_as_the_state_machine_says()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var wrong = new List<string>();
        var n = 0;
        foreach (var from in From)
        foreach (var to in To)
        {
            var id = $"T{n++}";
            scope.Emulator.Orders.Place(OrderScope.Spec(id, status: from));
            var reason = to == "cancelled_by_supplier" ? "out_of_stock" : null;
            var (status, body) = await scope.SendStatusAsync(id, to, reason: reason);
            var after = scope.Emulator.Orders.Get(id)!;

            var expected = from == to || Legal.Contains((from, to)) ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity;
            var expectedStatus = expected == HttpStatusCode.OK ? to : from;
            var expectedHistory = Legal.Contains((from, to)) ? 1 : 0;
            if (status != expected || after.Status != expectedStatus || after.StatusHistory.Count != expectedHistory)
                wrong.Add($"{from}->{to}: HTTP {(int)status}, now {after.Status}, history {after.StatusHistory.Count}");
            if (expected != HttpStatusCode.OK
                && (body.Error() != "invalid_transition"
                    || body.GetProperty("message").GetString() != $"cannot move order {id} from {from} to {to}"))
                wrong.Add($"{from}->{to}: body {body}");
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task An_accepted_change_is_recorded_and_a_repeat_is_a_no_op()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Orders.Place(OrderScope.Spec("A"));

        var first = await scope.SendStatusAsync("A", "approved");
        var repeat = await scope.SendStatusAsync("A", "approved");
        var shipped = await scope.SendStatusAsync("A", "assigned_to_salesman");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, repeat.Status);
        Assert.Equal(HttpStatusCode.OK, shipped.Status);
        var history = scope.Emulator.Orders.Get("A")!.StatusHistory;
        Assert.Equal([("pending", "approved"), ("approved", "assigned_to_salesman")], history.Select(h => (h.From, h.To)));
    }

    [Fact]
    public async Task While_the_retailer_edits_every_supplier_status_is_refused_until_the_edit_ends()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var orders = scope.Emulator.Orders;
        orders.Place(OrderScope.Spec("A"));
        orders.RetailerEdit("A");

        foreach (var status in new[] { "approved", "pending", "cancelled_by_supplier", "delivered", "editing" })
        {
            var (code, body) = await scope.SendStatusAsync("A", status, reason: "out_of_stock");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
            Assert.Equal("order_being_edited", body.Error());
            Assert.Equal("order is being edited by the retailer", body.GetProperty("message").GetString());
        }
        Assert.Equal("editing", orders.Get("A")!.Status);
        // The acknowledgement is not a status change: it is still taken.
        Assert.Equal(HttpStatusCode.OK, (await scope.AckAsync("A")).Status);

        orders.RetailerFinishEdit("A", [new CartonaOrderLineSpec("904", 1, 200)]);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendStatusAsync("A", "approved")).Status);
        Assert.Equal("approved", orders.Get("A")!.Status);
    }

    [Fact]
    public async Task A_delivered_by_cartona_order_can_only_be_cancelled_by_the_supplier()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var orders = scope.Emulator.Orders;
        orders.Place(OrderScope.Spec("A") with { DeliveredBy = CartonaOrderStatus.DeliveredByCartona });

        foreach (var status in new[] { "approved", "pending", "assigned_to_salesman", "delivered", "returned" })
        {
            var (code, body) = await scope.SendStatusAsync("A", status);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
            Assert.Equal("delivered_by_cartona", body.Error());
        }
        var cancelled = await scope.SendStatusAsync("A", "cancelled_by_supplier", reason: "cannot_deliver_the_order");

        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        var state = orders.Get("A")!;
        Assert.Equal("cancelled_by_supplier", state.Status);
        Assert.Equal("cannot_deliver_the_order", state.CancellationReason);
        Assert.Single(state.StatusHistory);
    }

    [Theory]
    [InlineData(2990, 0)]
    [InlineData(0, 100)]
    public async Task Delivering_an_installment_or_wallet_order_needs_the_retailers_otp(int installment, int wallet)
    {
        await using var scope = await EmulatorScope.StartAsync();
        var placed = scope.Emulator.Orders.Place(OrderScope.Spec("A", status: "approved") with
        {
            InstallmentCost = installment, WalletTopUp = wallet,
        });
        var otp = placed.Otp!;
        var wrongOtp = otp == "000000" ? "111111" : "000000";

        var missing = await scope.SendStatusAsync("A", "delivered");
        var wrong = await scope.SendStatusAsync("A", "delivered", otp: wrongOtp);
        Assert.Equal("approved", scope.Emulator.Orders.Get("A")!.Status);
        var right = await scope.SendStatusAsync("A", "delivered", otp: otp);

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "invalid_otp"), (missing.Status, missing.Body.Error()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "invalid_otp"), (wrong.Status, wrong.Body.Error()));
        Assert.Equal(HttpStatusCode.OK, right.Status);
        var state = scope.Emulator.Orders.Get("A")!;
        Assert.Equal("delivered", state.Status);
        Assert.Equal(otp, Assert.Single(state.StatusHistory).RetailerOtp);
    }

    [Fact]
    public async Task Orders_without_installment_or_wallet_need_no_otp_and_a_given_otp_is_used()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var plain = scope.Emulator.Orders.Place(OrderScope.Spec("A", status: "approved") with { CartonaCredit = 50 });
        scope.Emulator.Orders.Place(OrderScope.Spec("B", status: "approved") with { WalletTopUp = 10, Otp = "424242" });

        Assert.Null(plain.Otp);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendStatusAsync("A", "delivered")).Status);
        Assert.Equal(HttpStatusCode.OK, (await scope.SendStatusAsync("B", "delivered", otp: "424242")).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("changed_my_mind")]
    public async Task Cancelling_needs_a_reason_from_the_allowed_list(string? reason)
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Orders.Place(OrderScope.Spec("A"));

        var refused = await scope.SendStatusAsync("A", "cancelled_by_supplier", reason: reason);
        Assert.Equal("pending", scope.Emulator.Orders.Get("A")!.Status);
        var accepted = await scope.SendStatusAsync("A", "cancelled_by_supplier", reason: "supplier_asked_me_to_cancel");

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "invalid_cancellation_reason"), (refused.Status, refused.Body.Error()));
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal("supplier_asked_me_to_cancel", scope.Emulator.Orders.Get("A")!.CancellationReason);
    }

    [Fact]
    public async Task Bad_requests_are_refused_without_touching_the_order()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Orders.Place(OrderScope.Spec("A"));

        using var notJson = await scope.PostAsync("order/update-order-status/A", "[not json");
        using var noStatus = await scope.PostAsync("order/update-order-status/A", """{"hashed_id":"A"}""");
        using var mismatch = await scope.PostAsync("order/update-order-status/A", """{"hashed_id":"B","status":"approved"}""");
        var unknown = await scope.SendStatusAsync("nope", "approved");

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noStatus.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("pending", scope.Emulator.Orders.Get("A")!.Status);
    }
}
