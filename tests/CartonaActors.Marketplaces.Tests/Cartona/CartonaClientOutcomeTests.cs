using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces.Cartona;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Marketplaces.Tests.Cartona;

public sealed class CartonaClientOutcomeTests
{
    [Fact]
    public async Task Per_item_failures_come_back_as_rejections_by_index_and_the_rest_apply()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Catalog.Seed([(1, "a"), (2, "b")]);

        var outcome = await scope.Client.PushAsync(
        [
            Items.ByInternalId("a", quantity: 5),
            Items.ByInternalId("ghost", quantity: 1),
            Items.ByInternalId("b", quantity: -3),
        ], CancellationToken.None);

        var delivered = Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.True(delivered.Verified);
        Assert.Equal(
            new[] { new ItemRejection(1, "product not found"), new ItemRejection(2, "negative stock is not allowed") },
            delivered.Rejected);
        Assert.Equal(5, scope.Emulator.Catalog.TryGet("a")!.AvailableStockQuantity);
        Assert.Equal(0, scope.Emulator.Catalog.TryGet("b")!.AvailableStockQuantity);
    }

    [Fact]
    public async Task A_silent_answer_is_an_unverified_delivery()
    {
        await using var scope = await ClientScope.StartAsync(o => o.SilentBulkResponses = true);
        scope.Emulator.Catalog.Add(1, "a");

        var outcome = await scope.Client.PushAsync([Items.ByInternalId("ghost", quantity: 1)], CancellationToken.None);

        Outcomes.AssertCleanDelivery(outcome, verified: false);
    }

    [Fact]
    public async Task Rate_limit_carries_the_platforms_retry_after()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Faults.Enqueue(new CartonaFault.RateLimit(7));

        var outcome = await scope.Client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.Equal(new CallOutcome.RateLimited(TimeSpan.FromSeconds(7)), outcome);
    }

    [Fact]
    public async Task Exceeding_the_token_bucket_is_rate_limited_not_a_failure()
    {
        await using var scope = await ClientScope.StartAsync(o => { o.RequestsPerSecond = 0.25; o.Burst = 1; });
        scope.Emulator.Catalog.Add(1, "a");

        var first = await scope.Client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);
        var second = await scope.Client.PushAsync([Items.ByInternalId("a", quantity: 2)], CancellationToken.None);

        Assert.IsType<CallOutcome.Accepted>(first);
        var limited = Assert.IsType<CallOutcome.RateLimited>(second);
        Assert.InRange(limited.RetryAfter.TotalSeconds, 3, 4);
        Assert.Equal(1, scope.Emulator.Catalog.TryGet("a")!.AvailableStockQuantity);
    }

    [Fact]
    public async Task An_http_date_retry_after_becomes_a_wait()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(30);
        using var server = new EchoServer(429, "{}", ("Retry-After", at.ToString("R")));
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var outcome = await client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.InRange(Assert.IsType<CallOutcome.RateLimited>(outcome).RetryAfter.TotalSeconds, 20, 31);
    }

    [Fact]
    public async Task A_429_without_retry_after_waits_one_second()
    {
        using var server = new EchoServer(429, "{}");
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var outcome = await client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.Equal(new CallOutcome.RateLimited(TimeSpan.FromSeconds(1)), outcome);
    }

    [Fact]
    public async Task A_refused_token_is_an_authentication_failure_with_401()
    {
        await using var scope = await ClientScope.StartAsync(connection: s => s.Token = "wrong-token");

        var outcome = await scope.Client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.Contains("401", Assert.IsType<CallOutcome.AuthenticationFailed>(outcome).Reason);
    }

    [Fact]
    public async Task Cartonas_400_invalid_credentials_is_an_authentication_failure()
    {
        await using var scope = await ClientScope.StartAsync(o => o.AuthFailureStatus = 400, s => s.Token = "wrong-token");

        var outcome = await scope.Client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.Contains("invalid credentials", Assert.IsType<CallOutcome.AuthenticationFailed>(outcome).Reason);
    }

    [Fact]
    public async Task A_batch_over_the_platform_maximum_is_too_large()
    {
        await using var scope = await ClientScope.StartAsync(o => o.MaxBatchSize = 2);

        var outcome = await scope.Client.PushAsync(
            [Items.ByInternalId("a", quantity: 1), Items.ByInternalId("b", quantity: 1), Items.ByInternalId("c", quantity: 1)],
            CancellationToken.None);

        Assert.Contains("413", Assert.IsType<CallOutcome.TooLarge>(outcome).Reason);
    }

    [Fact]
    public async Task Another_4xx_refuses_the_batch_with_its_status()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Faults.FailAll(422);

        var outcome = await scope.Client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.Equal(422, Assert.IsType<CallOutcome.Refused>(outcome).StatusCode);
    }

    // A refusal halves the batch down to single-item rejections, so a 4xx that is no verdict on the items must not be one.
    [Theory]
    [InlineData(408)]
    [InlineData(409)]
    [InlineData(425)]
    public async Task A_4xx_that_clears_on_its_own_is_transient_even_in_cartonas_error_shape(int status)
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Faults.FailAll(status);

        var outcome = await scope.Client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.Contains($"HTTP {status}", Assert.IsType<CallOutcome.TransientFailure>(outcome).Reason);
    }

    [Theory]
    [MemberData(nameof(GatewayAnswers.WithoutThePlatformsErrorBody), MemberType = typeof(GatewayAnswers))]
    public async Task A_400_or_404_without_cartonas_error_body_is_a_gateway_and_transient(int status, string body)
    {
        using var server = new EchoServer(status, body);
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var outcome = await client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.IsType<CallOutcome.TransientFailure>(outcome);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task A_4xx_in_cartonas_error_shape_refuses_the_batch(int status)
    {
        using var server = new EchoServer(status, """{"error":"invalid selling_price"}""");
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var outcome = await client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.Equal(status, Assert.IsType<CallOutcome.Refused>(outcome).StatusCode);
    }

    [Fact]
    public async Task A_5xx_is_transient_and_is_not_retried()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Faults.FailAll(503);

        var outcome = await scope.Client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.Contains("503", Assert.IsType<CallOutcome.TransientFailure>(outcome).Reason);
        Assert.Single(scope.Emulator.Calls);
    }

    [Fact]
    public async Task A_timeout_is_transient_and_returns_at_the_client_timeout()
    {
        await using var scope = await ClientScope.StartAsync(connection: s => s.Timeout = TimeSpan.FromMilliseconds(300));
        scope.Emulator.Catalog.Add(1, "a");
        scope.Emulator.Faults.Enqueue(new CartonaFault.Timeout(TimeSpan.FromSeconds(2)));
        var watch = Stopwatch.StartNew();

        var outcome = await scope.Client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.Contains("timed out", Assert.IsType<CallOutcome.TransientFailure>(outcome).Reason);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"took {watch.Elapsed}");
        Assert.Equal(0, scope.Emulator.Catalog.TryGet("a")!.AvailableStockQuantity);
    }

    [Fact]
    public async Task An_unreadable_2xx_body_is_transient_because_the_batch_may_not_have_applied()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Faults.Enqueue(new CartonaFault.MalformedJson());

        var outcome = await scope.Client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.Contains("malformed response", Assert.IsType<CallOutcome.TransientFailure>(outcome).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("""{"updated":1}""")]
    public async Task A_2xx_without_per_item_detail_is_unverified(string body)
    {
        using var server = new EchoServer(200, body);
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var outcome = await client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Outcomes.AssertCleanDelivery(outcome, verified: false);
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        using var client = new CartonaClient(ClientScope.Settings($"http://127.0.0.1:{ClosedPort()}/api/v1/"));

        var outcome = await client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.StartsWith("connection failed", Assert.IsType<CallOutcome.TransientFailure>(outcome).Reason);
    }

    [Fact]
    public async Task The_callers_cancellation_propagates()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Faults.Enqueue(new CartonaFault.Timeout(TimeSpan.FromSeconds(5)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            scope.Client.PushAsync([Items.ByInternalId("a", quantity: 1)], cts.Token));
    }

    [Fact]
    public async Task An_empty_batch_makes_no_call()
    {
        await using var scope = await ClientScope.StartAsync();

        var outcome = await scope.Client.PushAsync([], CancellationToken.None);

        Assert.IsType<CallOutcome.Accepted>(outcome);
        Assert.Empty(scope.Emulator.Calls);
    }

    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
