using CartonaActors.Engine.Configuration;
using CartonaActors.Erp;

namespace CartonaActors.Service.Api;

/// <summary>
/// The engine of <c>cartonactl odoo setup</c>: <c>GET /api/erp/odoo-setup</c> checks and <c>POST</c> applies the
/// automation rules that make Odoo post its changes to <c>/webhooks/odoo</c> (one per model the webhook endpoint
/// follows), and reports Odoo's version and the integration user's rights. 409 when there is no Odoo or no public
/// address to point it at, 503 when Odoo cannot be reached or refuses.
/// </summary>
public static class OdooSetupEndpoints
{
    /// <summary>Rules are made for exactly the models the webhook endpoint accepts, in a stable order.</summary>
    public static readonly IReadOnlyList<string> FollowedModels =
        [.. OdooWebhookEndpoints.ProductModels.Order(StringComparer.Ordinal), .. OdooWebhookEndpoints.OrderModels.Order(StringComparer.Ordinal)];

    /// <summary>The setup's Odoo client, made on first use (the connector may be off).</summary>
    public static IServiceCollection AddOdooSetup(this IServiceCollection services, CartonaActorsOptions options) =>
        services.AddSingleton(_ => new OdooSetupClient(options));

    public static void MapOdooSetupEndpoints(this WebApplication app)
    {
        app.MapGet("/api/erp/odoo-setup", (HttpContext http, OdooSetupClient setup, ILogger<OdooSetupClient> log, CancellationToken ct) =>
            RunAsync(http, setup, apply: false, log, ct));
        app.MapPost("/api/erp/odoo-setup", (HttpContext http, OdooSetupClient setup, ILogger<OdooSetupClient> log, CancellationToken ct) =>
            RunAsync(http, setup, apply: true, log, ct)).ReadsNoBody();
    }

    private static async Task<IResult> RunAsync(HttpContext http, OdooSetupClient setup, bool apply, ILogger log, CancellationToken ct)
    {
        if (setup.Unavailable is { } reason) return Refusals.Refuse(http, StatusCodes.Status409Conflict, null, "odoo setup: " + reason);
        // One run at a time: two applies racing would each see a rule missing and create it twice.
        await setup.Gate.WaitAsync(ct);
        try
        {
            var report = await setup.Setup.RunAsync(FollowedModels, setup.WebhookUrl, apply, ct);
            log.LogInformation("Odoo setup {Mode} on Odoo {Version}: {Changed} rule(s) changed, states {States}",
                apply ? "apply" : "check", report.OdooVersion, report.Changed,
                string.Join(", ", report.Rules.GroupBy(r => r.State).Select(g => $"{g.Key} {g.Count()}")));
            return Results.Ok(report);
        }
        catch (OdooException ex)
        {
            var error = setup.Scrubber.Scrub($"Odoo could not be checked or set up: {ex.Message}");
            log.LogWarning("Odoo setup {Mode} failed: {Error}", apply ? "apply" : "check", error);
            return Results.Json(new { error }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        finally
        {
            setup.Gate.Release();
        }
    }
}
