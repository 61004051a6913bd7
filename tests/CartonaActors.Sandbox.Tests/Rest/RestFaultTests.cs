using System.Net;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Sandbox.Tests.Rest;

public sealed class RestFaultTests
{
    private const string Batch = """{"items":[{"external_id":"51","available":4,"version":1}]}""";

    [Fact]
    public async Task Queued_server_errors_are_consumed_in_order_and_apply_nothing()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51"]);
        scope.Emulator.Faults.Enqueue(new RestFault.ServerError(503), times: 2, pathPrefix: RestScope.Inventory);
        scope.Emulator.Faults.Enqueue(new RestFault.ServerError(502));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await scope.PostAsync(RestScope.Inventory, Batch);
            statuses.Add(response.StatusCode);
            if (i < 3) Assert.Empty(scope.Emulator.Catalog.Get("51")!.Stock);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway,
            (HttpStatusCode)207], statuses);
        Assert.Equal(4, scope.Emulator.Catalog.Get("51")!.AvailableAt());
        Assert.Equal(0, scope.Emulator.Faults.Pending);
    }

    [Fact]
    public async Task A_path_scoped_fault_leaves_other_paths_alone_and_clear_drops_it()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Faults.Enqueue(new RestFault.ServerError(500), times: 5, pathPrefix: "v1/prices");

        using var feed = await scope.GetAsync("v1/orders");
        using var prices = await scope.PostAsync(RestScope.Prices, """{"items":[]}""");
        scope.Emulator.Faults.Clear();
        using var cleared = await scope.PostAsync(RestScope.Prices, """{"items":[]}""");

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, prices.StatusCode);
        Assert.Equal("server_error", (await RestScope.JsonAsync(prices)).Error());
        Assert.Equal((HttpStatusCode)207, cleared.StatusCode);
    }

    [Fact]
    public async Task A_timeout_fault_holds_the_request_then_answers_504_without_applying()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51"]);
        scope.Emulator.Faults.Enqueue(new RestFault.Timeout(TimeSpan.FromMilliseconds(200)));
        var started = DateTimeOffset.UtcNow;

        using var response = await scope.PostAsync(RestScope.Inventory, Batch);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(150));
        Assert.Empty(scope.Emulator.Catalog.Get("51")!.Stock);
    }

    [Fact]
    public async Task A_delay_fault_holds_the_request_then_does_the_work()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51"]);
        scope.Emulator.Faults.Enqueue(new RestFault.Delay(TimeSpan.FromMilliseconds(200)));
        var started = DateTimeOffset.UtcNow;

        using var response = await scope.PostAsync(RestScope.Inventory, Batch);

        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(150));
        Assert.Equal(4, scope.Emulator.Catalog.Get("51")!.AvailableAt());
    }

    [Fact]
    public async Task An_open_ended_hold_is_dropped_when_the_emulator_stops()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Faults.Enqueue(new RestFault.Timeout());

        var held = scope.GetAsync("v1/orders");
        await RestScope.EventuallyAsync(() => scope.Emulator.Faults.Pending == 0);
        var stopping = scope.Emulator.DisposeAsync().AsTask();

        // The connection closes without an answer: no empty 200 a client could take for success.
        await Assert.ThrowsAsync<HttpRequestException>(() => held);
        await stopping;
        Assert.Equal(499, Assert.Single(scope.Emulator.Calls).Status);
    }
}
