using CartonaActors.Marketplaces.Cartona;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Marketplaces.Tests.Cartona;

public sealed class CartonaClientConnectionTests
{
    [Fact]
    public async Task A_working_url_and_token_connect()
    {
        await using var scope = await ClientScope.StartAsync();

        var check = await scope.Client.TestConnectionAsync(CancellationToken.None);

        Assert.Equal(new ConnectionCheck(true, "connected"), check);
    }

    [Fact]
    public async Task A_wrong_token_fails_with_the_status_and_body()
    {
        await using var scope = await ClientScope.StartAsync(o => o.AuthFailureStatus = 400, s => s.Token = "nope");

        var check = await scope.Client.TestConnectionAsync(CancellationToken.None);

        Assert.False(check.Ok);
        Assert.StartsWith("HTTP 400:", check.Message);
        Assert.Contains("invalid credentials", check.Message);
    }

    [Fact]
    public async Task An_unreachable_host_fails_with_a_connection_message()
    {
        using var client = new CartonaClient(
            ClientScope.Settings($"http://127.0.0.1:{CartonaClientOutcomeTests.ClosedPort()}/api/v1/"));

        var check = await client.TestConnectionAsync(CancellationToken.None);

        Assert.False(check.Ok);
        Assert.StartsWith("connection failed", check.Message);
        Assert.DoesNotContain(ClientScope.Token, check.Message);
    }

    [Fact]
    public async Task A_hanging_platform_fails_with_a_timeout_message()
    {
        await using var scope = await ClientScope.StartAsync(connection: s => s.Timeout = TimeSpan.FromMilliseconds(300));
        scope.Emulator.Faults.Enqueue(new CartonaFault.Timeout(TimeSpan.FromSeconds(2)));

        var check = await scope.Client.TestConnectionAsync(CancellationToken.None);

        Assert.Equal(new ConnectionCheck(false, "timed out after 0.3 s"), check);
    }

    [Fact]
    public async Task Listing_failure_throws_a_clear_exception()
    {
        await using var scope = await ClientScope.StartAsync();
        scope.Emulator.Faults.FailAll(503);

        var error = await Assert.ThrowsAsync<CartonaApiException>(() =>
            scope.Client.ListSupplierProductsAsync(1, 10, CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.Contains("HTTP 503", error.Message);
    }
}
