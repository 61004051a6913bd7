using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Service.Tests;

/// <summary>The container's HEALTHCHECK command: its exit code must tell a healthy endpoint from every way of not being one.</summary>
public sealed class HealthProbeSpecs
{
    [Fact]
    public async Task Exits_0_on_a_healthy_answer_and_1_on_an_unhealthy_one()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/healthy", () => "Healthy");
        app.MapGet("/unhealthy", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        await app.StartAsync();
        var root = app.Urls.First();

        Assert.Equal(0, await HealthProbe.RunAsync($"{root}/healthy"));
        Assert.Equal(1, await HealthProbe.RunAsync($"{root}/unhealthy"));
        Assert.Equal(1, await HealthProbe.RunAsync($"{root}/missing"));
    }

    [Fact]
    public async Task Exits_1_when_nothing_listens()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.Equal(1, await HealthProbe.RunAsync($"http://127.0.0.1:{port}/healthz/live"));
    }

    [Fact]
    public async Task Exits_1_when_the_server_accepts_but_never_answers()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            Assert.Equal(1, await HealthProbe.RunAsync($"http://127.0.0.1:{port}/healthz/live", TimeSpan.FromMilliseconds(300)));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory]
    [InlineData(new[] { "--probe", "http://127.0.0.1:5080/healthz/live" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--probe" }, false)]
    [InlineData(new[] { "--urls", "http://0.0.0.0:5080" }, false)]
    public void Only_the_probe_flag_with_a_url_selects_probe_mode(string[] args, bool probe) =>
        Assert.Equal(probe, HealthProbe.IsRequested(args));
}
