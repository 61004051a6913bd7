using System.Net;
using System.Text.Json;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Sandbox.Tests.Cartona;

/// <summary>The bulk <c>POST order/update-order-status</c>: an array of status objects, applied one by one by
/// the same rules as the single-order call, answering a list of what it applied and no per-order failure.</summary>
public sealed class EmulatorBulkOrderStatusTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendBulkAsync(EmulatorScope scope, string json)
    {
        using var response = await scope.PostAsync("order/update-order-status", json);
        return (response.StatusCode, await EmulatorScope.JsonAsync(response));
    }

    [Fact]
    public async Task Acknowledgements_in_one_call_leave_the_queue_and_a_later_change_is_queued_again()
    {
        await using var scope = await EmulatorScope.StartAsync();
        foreach (var id in new[] { "A", "B", "C" }) scope.Emulator.Orders.Place(OrderScope.Spec(id));
        Assert.Equal(["A", "B", "C"], await scope.PullIdsAsync());

        var (status, body) = await SendBulkAsync(scope, """[{"hashed_id":"A","status":"synced"},{"hashed_id":"B","status":"synced"}]""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        Assert.Equal(["A", "B"], body.EnumerateArray().Select(e => e.GetProperty("hashed_id").GetString()));
        Assert.Equal(["C"], await scope.PullIdsAsync());
        scope.Emulator.Orders.RetailerEdit("A");
        Assert.Contains("A", await scope.PullIdsAsync());
    }

    [Fact]
    public async Task An_entry_it_cannot_apply_is_left_out_of_the_answer_and_the_others_apply()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Orders.Place(OrderScope.Spec("A"));
        scope.Emulator.Orders.Place(OrderScope.Spec("B"));

        var (status, body) = await SendBulkAsync(scope,
            """[{"hashed_id":"A","status":"delivered"},{"hashed_id":"B","status":"approved"},{"hashed_id":"Z","status":"synced"},42]""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["B"], body.EnumerateArray().Select(e => e.GetProperty("hashed_id").GetString()));
        Assert.Equal("pending", scope.Emulator.Orders.Get("A")!.Status); // pending -> delivered is no move
        Assert.Equal("approved", scope.Emulator.Orders.Get("B")!.Status);
    }

    [Theory]
    [InlineData("""{"hashed_id":"A","status":"synced"}""")]
    [InlineData("not json")]
    public async Task A_body_that_is_not_an_array_is_a_400(string json)
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Orders.Place(OrderScope.Spec("A"));

        var (status, _) = await SendBulkAsync(scope, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["A"], await scope.PullIdsAsync());
    }

    [Fact]
    public async Task Another_suppliers_orders_are_not_touched()
    {
        await using var scope = await EmulatorScope.StartAsync(o => o.Tokens.Add("other-token"));
        scope.Emulator.Orders.Place(OrderScope.Spec("A") with { Token = EmulatorScope.Token });

        using var response = await scope.PostAsync("order/update-order-status", """[{"hashed_id":"A","status":"approved"}]""", "other-token");
        var body = await EmulatorScope.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetArrayLength());
        Assert.Equal("pending", scope.Emulator.Orders.Get("A")!.Status);
    }
}
