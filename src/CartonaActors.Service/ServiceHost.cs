using Akka.Hosting;
using Akka.Logger.Serilog;
using CartonaActors.Domain.Secrets;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.Health;
using CartonaActors.Engine.Hosting;
using CartonaActors.Engine.SyncLog;
using CartonaActors.Service.Admin;
using CartonaActors.Service.Api;
using CartonaActors.Service.Dashboard;
using CartonaActors.Service.Logging;
using CartonaActors.Service.Sandbox;
using CartonaActors.Service.Telemetry;
using Serilog;
using Serilog.Events;

namespace CartonaActors.Service;

/// <summary>Builds the service: configuration, logs, the actor system, and the HTTP endpoints.</summary>
public static class ServiceHost
{
    /// <param name="customize">Extra configuration (tests, benchmarks).</param>
    /// <param name="extraLogging">Extra sinks; every log line of the service, Akka's included, goes through it.</param>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? customize = null,
        Action<LoggerConfiguration>? extraLogging = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? ListenAddresses.Default);
        customize?.Invoke(builder);

        var options = builder.Configuration.GetSection(CartonaActorsOptions.Section).Get<CartonaActorsOptions>() ?? new CartonaActorsOptions();
        var logging = new LoggerConfiguration()
            .MinimumLevel.Is(builder.Configuration.GetValue("CartonaActors:LogLevel", LogEventLevel.Information))
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            // Every sink sits behind the scrubber, in a sub-logger: only there does an event arrive with everything
            // added to it, the request scope's properties included. The clients scrub their own credentials where
            // they write them; the admin token and the webhook secret arrive in requests, where any line may carry
            // them, and the scrubber knows every configured secret besides.
            .WriteTo.Logger(sinks =>
            {
                sinks.MinimumLevel.Verbose()
                    .Enrich.With(new SecretScrubbingEnricher(ConfiguredSecrets.Scrubber(options)))
                    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}");
                extraLogging?.Invoke(sinks);
            });
        Log.Logger = logging.CreateLogger();
        builder.Host.UseSerilog(Log.Logger, dispose: false);

        ClusterPreconditions.Check(options);
        // Read after customize: tests and benchmarks set urls there.
        var adminAccess = AdminAccess.Decide(options.Admin, ListenAddresses.From(builder.Configuration));
        var splitBrain = builder.Configuration.GetSection(SplitBrainOptions.Section).Get<SplitBrainOptions>() ?? new SplitBrainOptions();
        var sandbox = await SandboxMarketplace.StartIfNoneConfiguredAsync(options, builder.Configuration);
        var platforms = Platforms.All();
        var connections = platforms.OpenAll(options.Connections);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new OpenConnections(connections));
        builder.Services.AddSingleton(new SandboxHandle(sandbox));
        builder.Services.AddSingleton<InputRefusals>();
        builder.Services.AddSingleton(new SyncLogReader(SyncLogDatabase.For(options.Persistence)));
        builder.Services.AddSingleton<OdooWebhookCounter>();
        builder.Services.AddOdooSetup(options);
        builder.Services.AddHealthChecks();
        builder.AddServiceTelemetry();
        builder.Services.AddAkka(options.Cluster.ActorSystemName, akka => akka
            .ConfigureLoggers(l =>
            {
                l.ClearLoggers();
                l.AddLogger<SerilogLogger>();
            })
            .WithSyncEngine(options, platforms)
            .WithSplitBrainResolver(splitBrain)
            .WithSyncHealthChecks(options.Persistence));

        var app = builder.Build();
        app.UseAdminToken(adminAccess);
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapProductEndpoints();
        app.MapConnectionEndpoints();
        app.MapSyncLogEndpoints();
        app.MapClusterEndpoints();
        app.MapOdooWebhookEndpoints();
        app.MapMarketplaceWebhookEndpoints();
        app.MapErpEndpoints();
        app.MapOdooSetupEndpoints();
        app.MapOrderEndpoints();
        app.MapDashboard();
        app.Lifetime.ApplicationStopped.Register(() => sandbox?.DisposeAsync().AsTask().GetAwaiter().GetResult());
        Log.Information("CartonaActors starting: journal {Provider}, {Connections} marketplace connection(s): {Names}, Odoo connector {Erp}, admin API {AdminAccess}",
            options.Persistence.Provider, options.Connections.Count, string.Join(", ", options.Connections.Select(c => c.Name)),
            options.ErpEnabled ? $"on ({SecretScrubber.SafeUrl(options.Odoo.Url)}, database {options.Odoo.Database}, user {options.Odoo.Login})" : "off",
            adminAccess.ToString());
        return app;
    }
}
