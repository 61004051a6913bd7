using System.Net;
using System.Net.Sockets;
using CartonaActors.Erp;

namespace CartonaActors.Erp.Tests;

public sealed class TransportFailureTests
{
    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_a_transient_server_error()
    {
        await using var scope = await OdooScope.StartAsync(o => o.ResponseDelay = TimeSpan.FromSeconds(30));
        using var transport = scope.TransportWith(s => s.Timeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<OdooServerException>(() => transport.AuthenticateAsync(default));

        Assert.True(error.IsTransient);
        Assert.Contains("timed out", error.Message);
        Assert.DoesNotContain(scope.ApiKey, error.ToString());
    }

    [Fact]
    public async Task A_refused_connection_is_a_transient_server_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        const string key = "feedfacefeedfacefeedfacefeedfacefeedface";
        using var transport = new OdooJsonRpcTransport(new OdooSettings
        {
            Url = $"http://127.0.0.1:{port}/", Database = "erp", Login = "sync@example.com", ApiKey = key,
            Timeout = TimeSpan.FromSeconds(5),
        });

        var error = await Assert.ThrowsAsync<OdooServerException>(
            () => transport.ExecuteKwAsync("product.product", "search_count", [Array.Empty<object>()], null, default));

        Assert.True(error.IsTransient);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.DoesNotContain(key, error.ToString());
    }

    [Fact]
    public async Task A_non_2xx_status_or_a_body_that_is_not_json_rpc_is_a_transient_server_error()
    {
        await using var scope = await OdooScope.StartAsync();
        await using var notOdoo = await WebhookReceiver.StartAsync(); // answers 200 with an empty body
        using var wrongPath = scope.TransportWith(s => s.Url = scope.Emulator.BaseUrl + "nowhere/");
        using var wrongServer = scope.TransportWith(s => s.Url = notOdoo.Url.Split('/', 4)[0] + "//" + notOdoo.Url.Split('/', 4)[2]);

        var notFound = await Assert.ThrowsAsync<OdooServerException>(() => wrongPath.AuthenticateAsync(default));
        var notJson = await Assert.ThrowsAsync<OdooServerException>(() => wrongServer.AuthenticateAsync(default));

        Assert.Contains("HTTP 404", notFound.Message);
        Assert.Contains("not JSON", notJson.Message);
        Assert.True(notFound.IsTransient && notJson.IsTransient);
    }
}
