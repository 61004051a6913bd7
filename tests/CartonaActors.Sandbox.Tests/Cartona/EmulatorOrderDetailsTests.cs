using System.Net;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Sandbox.Tests.Cartona;

public sealed class EmulatorOrderDetailsTests
{
    [Fact]
    public async Task Details_are_changed_added_and_cancelled_as_sent_and_recorded_without_requeueing()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var placed = scope.Emulator.Orders.Place(OrderScope.Spec("A"));
        await scope.PullAsync();
        await scope.AckAsync("A");
        var (rice, salt) = (placed.Details[0].Id, placed.Details[1].Id);

        var (status, body) = await scope.SendDetailsAsync($$"""
            [{"hashed_id":"A","order_details":[
               {"id":{{rice}},"amount":8.0,"price":"190.5","comment":"short"},
               {"internal_product_id":"52","amount":2.0,"price":7.0},
               {"id":{{salt}},"cancelled":true}]}]
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var state = scope.Emulator.Orders.Get("A")!;
        var added = body.GetProperty("updated")[0].GetProperty("added_detail_ids")[0].GetInt64();
        Assert.Equal(
            [(rice, "904", 8m, 190.5m, "short", false), (salt, "905", 2m, 7.5m, (string?)null, true), (added, "52", 2m, 7m, null, false)],
            state.Details.Select(d => (d.Id, d.InternalProductId, d.Amount, d.SellingPrice, d.Comment, d.Cancelled)));
        Assert.DoesNotContain(added, new[] { rice, salt });
        Assert.Equal(8 * 190.5m + 14m, state.TotalPrice);
        Assert.Equal(
            [(DetailEditKind.Changed, rice), (DetailEditKind.Added, added), (DetailEditKind.Cancelled, salt)],
            state.DetailEdits.Select(e => (e.Kind, e.DetailId)));
        Assert.Equal(1, state.Version);
        Assert.Empty(await scope.PullAsync());
    }

    [Fact]
    public async Task Cancelled_details_are_not_pulled()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var placed = scope.Emulator.Orders.Place(OrderScope.Spec("A"));
        await scope.SendDetailsAsync($$"""[{"hashed_id":"A","order_details":[{"id":{{placed.Details[1].Id}},"cancelled":true}]}]""");

        var order = Assert.Single(await scope.PullAsync());

        Assert.Equal(placed.Details[0].Id, Assert.Single(order.GetProperty("order_details").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(2000m, order.GetProperty("total_price").GetDecimal());
    }

    [Fact]
    public async Task Edits_are_allowed_while_pending_approved_or_assigned_to_salesman()
    {
        await using var scope = await EmulatorScope.StartAsync();
        foreach (var status in new[] { "pending", "approved", "assigned_to_salesman" })
        {
            var placed = scope.Emulator.Orders.Place(OrderScope.Spec(status, status: status));
            var (code, _) = await scope.SendDetailsAsync(
                $$"""[{"hashed_id":"{{status}}","order_details":[{"id":{{placed.Details[0].Id}},"amount":1}]}]""");
            Assert.Equal(HttpStatusCode.OK, code);
            Assert.Equal(1m, scope.Emulator.Orders.Get(status)!.Details[0].Amount);
        }
    }

    [Theory]
    [InlineData("delivered")]
    [InlineData("editing")]
    [InlineData("cancelled_by_retailer")]
    [InlineData("cancelled_by_supplier")]
    [InlineData("returned")]
    public async Task Edits_are_refused_in_any_other_status(string status)
    {
        await using var scope = await EmulatorScope.StartAsync();
        var placed = scope.Emulator.Orders.Place(OrderScope.Spec("A", status: status));

        var (code, body) = await scope.SendDetailsAsync(
            $$"""[{"hashed_id":"A","order_details":[{"id":{{placed.Details[0].Id}},"amount":1}]}]""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("invalid_details", body.Error());
        Assert.Contains($"is {status}", body.GetProperty("message").GetString());
        Assert.Equal(10m, scope.Emulator.Orders.Get("A")!.Details[0].Amount);
        Assert.Empty(scope.Emulator.Orders.Get("A")!.DetailEdits);
    }

    [Fact]
    public async Task An_unknown_detail_id_refuses_the_whole_request()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var placed = scope.Emulator.Orders.Place(OrderScope.Spec("A"));

        var (code, body) = await scope.SendDetailsAsync($$"""
            [{"hashed_id":"A","order_details":[{"id":{{placed.Details[0].Id}},"amount":1},{"id":1,"amount":2}]}]
            """);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("order A has no detail 1", body.GetProperty("message").GetString());
        Assert.Equal(10m, scope.Emulator.Orders.Get("A")!.Details[0].Amount); // nothing half-applied
    }

    [Theory]
    [InlineData("""{"amount":1,"price":1}""", "id (to change a detail) or internal_product_id")]
    [InlineData("""{"internal_product_id":"9","price":1}""", "amount is required")]
    [InlineData("""{"internal_product_id":"9","amount":1}""", "price is required")]
    [InlineData("""{"internal_product_id":"9","amount":0,"price":1}""", "amount must be positive")]
    [InlineData("""{"internal_product_id":"9","amount":"x","price":1}""", "amount must be a number")]
    [InlineData("""{"cancelled":true}""", "id is required to cancel")]
    public async Task Malformed_changes_are_refused(string change, string expected)
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Orders.Place(OrderScope.Spec("A"));

        var (code, body) = await scope.SendDetailsAsync($$"""[{"hashed_id":"A","order_details":[{{change}}]}]""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains(expected, body.GetProperty("message").GetString());
        Assert.Equal(2, scope.Emulator.Orders.Get("A")!.Details.Count);
    }

    [Fact]
    public async Task A_cancelled_detail_cannot_be_changed_and_a_body_that_is_not_an_array_is_a_bad_request()
    {
        await using var scope = await EmulatorScope.StartAsync();
        var placed = scope.Emulator.Orders.Place(OrderScope.Spec("A"));
        var salt = placed.Details[1].Id;
        await scope.SendDetailsAsync($$"""[{"hashed_id":"A","order_details":[{"id":{{salt}},"cancelled":true}]}]""");

        var (code, body) = await scope.SendDetailsAsync($$"""[{"hashed_id":"A","order_details":[{"id":{{salt}},"amount":3}]}]""");
        var (objectCode, _) = await scope.SendDetailsAsync("""{"hashed_id":"A","order_details":[]}""");
        var (unknownOrder, unknownBody) = await scope.SendDetailsAsync("""[{"hashed_id":"nope","order_details":[{"id":1,"amount":1}]}]""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains("is cancelled", body.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, objectCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownOrder);
        Assert.Equal("order nope not found", unknownBody.GetProperty("message").GetString());
    }
}
