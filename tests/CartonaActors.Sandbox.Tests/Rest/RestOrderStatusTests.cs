using System.Net;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Sandbox.Tests.Rest;

public sealed class RestOrderStatusTests
{
    [Fact]
    public async Task The_seller_moves_an_order_along_the_happy_path()
    {
        var clock = new ManualClock();
        await using var scope = await RestScope.StartAsync(o => o.Clock = clock);
        var order = scope.Emulator.Orders.Place(RestScope.Order());

        var statuses = new List<(HttpStatusCode, string?)>();
        foreach (var status in new[] { "confirmed", "shipped", "delivered" })
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var (code, body) = await scope.SetStatusAsync(order.Id, status, tracking: status == "shipped" ? "TRK-9" : null);
            statuses.Add((code, body.GetProperty("status").GetString()));
        }

        Assert.Equal([(HttpStatusCode.OK, "confirmed"), (HttpStatusCode.OK, "shipped"), (HttpStatusCode.OK, (string?)"delivered")], statuses);
        var held = scope.Emulator.Orders.Get(order.Id)!;
        Assert.Equal("TRK-9", held.Tracking);
        Assert.Equal(order.CreatedAt.AddSeconds(3), held.UpdatedAt);
        Assert.All(held.History, c => Assert.Equal(RestOrderActor.Seller, c.By));
    }

    [Fact]
    public async Task Setting_the_status_the_order_has_is_a_no_op()
    {
        var clock = new ManualClock();
        await using var scope = await RestScope.StartAsync(o => o.Clock = clock);
        var order = scope.Emulator.Orders.Place(RestScope.Order());

        var (_, confirmed) = await scope.SetStatusAsync(order.Id, "confirmed");
        clock.Advance(TimeSpan.FromSeconds(5));
        var (status, again) = await scope.SetStatusAsync(order.Id, "confirmed");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(confirmed.GetProperty("updated_at").GetString(), again.GetProperty("updated_at").GetString());
        Assert.Single(scope.Emulator.Orders.Get(order.Id)!.History);
    }

    [Theory]
    [InlineData("pending", "shipped")]
    [InlineData("pending", "delivered")]
    [InlineData("confirmed", "pending")]
    [InlineData("shipped", "cancelled")]
    [InlineData("delivered", "returned")]
    [InlineData("cancelled", "confirmed")]
    public async Task Moves_outside_the_seller_state_machine_answer_409(string from, string to)
    {
        await using var scope = await RestScope.StartAsync();
        var order = scope.Emulator.Orders.Place(RestScope.Order(status: from));

        var (status, body) = await scope.SetStatusAsync(order.Id, to, reason: "out_of_stock");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(("invalid_transition", from, to),
            (body.Error(), body.GetProperty("from").GetString(), body.GetProperty("to").GetString()));
        Assert.Equal(from, scope.Emulator.Orders.Get(order.Id)!.Status);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason()
    {
        await using var scope = await RestScope.StartAsync();
        var order = scope.Emulator.Orders.Place(RestScope.Order(status: "confirmed"));

        var (withoutStatus, withoutBody) = await scope.SetStatusAsync(order.Id, "cancelled", reason: " ");
        var (withStatus, withBody) = await scope.SetStatusAsync(order.Id, "cancelled", reason: "out_of_stock");

        Assert.Equal(HttpStatusCode.BadRequest, withoutStatus);
        Assert.Equal("reason_required", withoutBody.Error());
        Assert.Equal(HttpStatusCode.OK, withStatus);
        Assert.Equal("cancelled", withBody.GetProperty("status").GetString());
        Assert.Equal("out_of_stock", scope.Emulator.Orders.Get(order.Id)!.CancelReason);
    }

    [Fact]
    public async Task Unknown_orders_answer_404_and_unknown_statuses_400()
    {
        await using var scope = await RestScope.StartAsync();
        var order = scope.Emulator.Orders.Place(RestScope.Order());

        var (missing, missingBody) = await scope.SetStatusAsync("ord_nope", "confirmed");
        var (unknown, unknownBody) = await scope.SetStatusAsync(order.Id, "teleported");

        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("order_not_found", missingBody.Error());
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Equal("invalid_request", unknownBody.Error());
    }

    [Fact]
    public async Task A_buyer_cancellation_moves_the_order_and_closes_it_to_the_seller()
    {
        var clock = new ManualClock();
        await using var scope = await RestScope.StartAsync(o => o.Clock = clock);
        var order = scope.Emulator.Orders.Place(RestScope.Order());

        clock.Advance(TimeSpan.FromSeconds(1));
        var cancelled = scope.Emulator.Orders.CancelByBuyer(order.Id);
        var (status, body) = await scope.SetStatusAsync(order.Id, "confirmed");

        Assert.Equal(order.UpdatedAt.AddSeconds(1), cancelled.UpdatedAt);
        Assert.Equal(RestOrderActor.Buyer, Assert.Single(cancelled.History).By);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("cancelled", body.GetProperty("from").GetString());
        Assert.Throws<InvalidOperationException>(() => scope.Emulator.Orders.CancelByBuyer(order.Id));
    }

    [Fact]
    public async Task The_marketplace_may_set_returned_and_the_order_id_is_unescaped()
    {
        await using var scope = await RestScope.StartAsync();
        var order = scope.Emulator.Orders.Place(RestScope.Order("ord/7 x", status: "delivered"));

        var returned = scope.Emulator.Orders.SetStatus(order.Id, "returned");
        var (status, body) = await scope.SetStatusAsync(order.Id, "returned");

        Assert.Equal(RestOrderActor.Marketplace, Assert.Single(returned.History).By);
        Assert.Equal(HttpStatusCode.OK, status); // the seller repeating the current status is a no-op
        Assert.Equal("ord/7 x", body.GetProperty("id").GetString());
    }
}
