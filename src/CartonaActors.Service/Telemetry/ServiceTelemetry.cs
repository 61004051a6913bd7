using CartonaActors.Engine;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CartonaActors.Service.Telemetry;

/// <summary>
/// Metrics and traces of the service. Metrics (the engine's "CartonaActors.Sync" meter, ASP.NET Core, HttpClient,
/// the runtime) are served in Prometheus text at <c>GET /metrics</c>, an admin endpoint: open on a loopback-only
/// service without a token, otherwise the scraper sends <c>Authorization: Bearer &lt;CartonaActors:Admin:Token&gt;</c>
/// (Prometheus: <c>authorization: { credentials_file: ... }</c> in the scrape config). Traces (ingress and Odoo's
/// webhooks, the read of Odoo they lead to, a product's or range's accept, the bulk call and its HTTP request) are
/// exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise no tracer listens and the
/// engine's spans cost nothing.
/// </summary>
public static class ServiceTelemetry
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string MetricsPath = "/metrics";

    public static void AddServiceTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SyncMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        if (builder.Configuration[OtlpEndpointKey] is { Length: > 0 })
            builder.Services.AddServiceTracing(tracing => tracing.AddOtlpExporter());
    }

    /// <summary>Traces the service's spans into <paramref name="export"/> (the host: OTLP; tests: memory).</summary>
    public static IServiceCollection AddServiceTracing(this IServiceCollection services, Action<TracerProviderBuilder> export)
    {
        services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing.AddSource(SyncTracing.SourceName)
                // Probes and scrapes every few seconds are noise in a trace store.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbeOrScrape(context.Request.Path))
                .AddHttpClientInstrumentation();
            export(tracing);
        });
        return services;
    }

    public static void MapMetricsEndpoint(this WebApplication app) => app.MapPrometheusScrapingEndpoint(MetricsPath);

    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments(MetricsPath);
}
