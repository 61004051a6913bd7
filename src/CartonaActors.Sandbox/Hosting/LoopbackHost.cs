using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CartonaActors.Sandbox.Hosting;

/// <summary>The web host every emulator runs on: Kestrel on 127.0.0.1 only, isolated from the configuration of the
/// process that embeds it, stopped with the emulator rather than with that process.</summary>
internal static class LoopbackHost
{
    public static WebApplication Build(Type emulator, int port, ILoggerFactory? loggerFactory)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = emulator.Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // The emulator must behave the same whatever appsettings or ASPNETCORE_* the host process carries.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null) builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        builder.Services.AddSingleton<IHostLifetime, Cartona.DetachedHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        return builder.Build();
    }

    /// <summary>Starts the app (disposing it if it cannot) and returns the address it listens on, without a trailing slash.</summary>
    public static async Task<string> StartAsync(WebApplication app, CancellationToken ct, Action? onFailure = null)
    {
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            onFailure?.Invoke();
            await app.DisposeAsync();
            throw;
        }
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }
}
