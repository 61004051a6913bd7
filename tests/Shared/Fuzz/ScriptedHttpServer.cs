using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartonaActors.Tests.Fuzz;

/// <summary>One answer a scripted server gives: status, content type, body and extra headers.</summary>
public sealed record ScriptedAnswer(int Status, string? ContentType, string Body, IReadOnlyList<(string Name, string Value)>? Headers = null)
{
    public override string ToString() =>
        $"HTTP {Status} [{ContentType}] {string.Join(" ", (Headers ?? []).Select(h => $"{h.Name}: {h.Value}"))} {Body}";
}

/// <summary>A loopback HTTP server that answers each request with what <see cref="Next"/> says, to hold a client's
/// response parsing to every answer a platform, a proxy or a broken deployment might give.</summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedHttpServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Ends with a slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Decides the answer from the request's path.</summary>
    public Func<string, ScriptedAnswer> Next { get; set; } = _ => new ScriptedAnswer(200, "application/json", "{}");

    public static async Task<ScriptedHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ScriptedHttpServer? server = null;
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            var answer = server!.Next(context.Request.Path.Value ?? "");
            context.Response.StatusCode = answer.Status;
            if (answer.ContentType is { } type) context.Response.ContentType = type;
            foreach (var (name, value) in answer.Headers ?? []) context.Response.Headers.Append(name, value);
            await context.Response.WriteAsync(answer.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new ScriptedHttpServer(app, address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
