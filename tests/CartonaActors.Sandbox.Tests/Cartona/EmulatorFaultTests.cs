using System.Net;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Sandbox.Tests.Cartona;

public sealed class EmulatorFaultTests
{
    private const string Bulk = """[{"internal_product_id":"a","available_stock_quantity":4}]""";

    [Fact]
    public async Task Queued_server_errors_are_consumed_in_order_then_calls_succeed()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Catalog.Add(1, "a");
        scope.Emulator.Faults.Enqueue(new CartonaFault.ServerError(503), times: 2, pathPrefix: "supplier-product/bulk-update");
        scope.Emulator.Faults.Enqueue(new CartonaFault.ServerError(500));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await scope.PostBulkAsync(Bulk);
            statuses.Add(response.StatusCode);
            if (i < 3) Assert.Equal(0, scope.Emulator.Catalog.TryGet("a")!.AvailableStockQuantity);
        }

        Assert.Equal(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable,
            HttpStatusCode.InternalServerError, HttpStatusCode.OK }, statuses);
        Assert.Equal(4, scope.Emulator.Catalog.TryGet("a")!.AvailableStockQuantity);
        Assert.Equal(0, scope.Emulator.Faults.Pending);
    }

    [Fact]
    public async Task A_path_scoped_fault_leaves_other_paths_alone()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Faults.Enqueue(new CartonaFault.ServerError(502), pathPrefix: "supplier-product/bulk-update");

        using var list = await scope.GetAsync("supplier-product");
        using var bulk = await scope.PostBulkAsync("[]");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, bulk.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_fault_answers_200_with_an_unreadable_body_and_applies_nothing()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Catalog.Add(1, "a");
        scope.Emulator.Faults.Enqueue(new CartonaFault.MalformedJson());

        using var response = await scope.PostBulkAsync(Bulk);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"updated\": [not json", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, scope.Emulator.Catalog.TryGet("a")!.AvailableStockQuantity);
    }

    [Fact]
    public async Task Rate_limit_fault_sends_the_scripted_retry_after()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Faults.Enqueue(new CartonaFault.RateLimit(7));

        using var response = await scope.GetAsync("supplier-product");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task Timeout_fault_holds_the_request_then_answers_504()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Faults.Enqueue(new CartonaFault.Timeout(TimeSpan.FromMilliseconds(300)));
        var started = DateTimeOffset.UtcNow;

        using var response = await scope.GetAsync("supplier-product");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Fail_all_lasts_until_cleared()
    {
        await using var scope = await EmulatorScope.StartAsync();
        scope.Emulator.Faults.FailAll(503);

        using var first = await scope.GetAsync("supplier-product");
        using var second = await scope.GetAsync("supplier-product");
        scope.Emulator.Faults.Clear();
        using var third = await scope.GetAsync("supplier-product");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }
}
