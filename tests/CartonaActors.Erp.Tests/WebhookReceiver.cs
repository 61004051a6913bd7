using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartonaActors.Erp.Tests;

/// <summary>A tiny HTTP endpoint standing in for the service's webhook route: records every POST and lets the
/// test act while the request is still open (Odoo waits for it before committing).</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, string Query, string? ContentType, bool HasAuthorization, string Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Full webhook URL including a secret token, as an Odoo admin would configure it.</summary>
    public string Url { get; }

    /// <summary>Runs inside each request before it is answered (200).</summary>
    public Func<Received, Task>? OnRequest { get; set; }

    public IReadOnlyList<Received> Requests => _received.ToArray();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var received = new Received(context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
                context.Request.ContentType, context.Request.Headers.ContainsKey("Authorization"), body);
            receiver!._received.Enqueue(received);
            if (receiver.OnRequest is { } hook) await hook(received);
            context.Response.StatusCode = 200;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, address.TrimEnd('/') + "/webhooks/odoo?token=s3cret");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
