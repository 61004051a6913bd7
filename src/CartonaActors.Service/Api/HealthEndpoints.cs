using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using CartonaActors.Service.Admin;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CartonaActors.Service.Api;

public static class HealthEndpoints
{
    /// <summary>Liveness: the actor system runs. Readiness: the node is Up in the cluster and the database answers.
    /// Both answer without the admin token: orchestrators probe them and they reveal nothing but health.</summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("liveness"), ResponseWriter = WriteJson })
            .ExemptFromAdminToken();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJson })
            .ExemptFromAdminToken();
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
