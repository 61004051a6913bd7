using CartonaActors.Domain.Secrets;
using CartonaActors.Engine.Configuration;
using CartonaActors.Erp;
using CartonaActors.Erp.Setup;

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
        app.MapGet("/api/erp/odoo-setup", (OdooSetupClient setup, ILogger<OdooSetupClient> log, CancellationToken ct) =>
            RunAsync(setup, apply: false, log, ct));
        app.MapPost("/api/erp/odoo-setup", (OdooSetupClient setup, ILogger<OdooSetupClient> log, CancellationToken ct) =>
            RunAsync(setup, apply: true, log, ct)).ReadsNoBody();
    }

    private static async Task<IResult> RunAsync(OdooSetupClient setup, bool apply, ILogger log, CancellationToken ct)
    {
        if (setup.Unavailable is { } reason) return Results.Json(new { error = reason }, statusCode: StatusCodes.Status409Conflict);
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

/// <summary>The Odoo transport and settings the setup endpoints use, and why they cannot run, if they cannot.</summary>
public sealed class OdooSetupClient : IDisposable
{
    private readonly Lazy<OdooJsonRpcTransport> _transport;

    public OdooSetupClient(CartonaActorsOptions options)
    {
        var secret = options.ErpSync.WebhookSecret;
        Scrubber = SecretScrubber.For(options.Odoo.Url, options.Odoo.ApiKey, secret);
        Unavailable = !options.ErpEnabled ? "the Odoo connector is not configured (set CartonaActors:Odoo:Url)"
            : PublicAddressProblem(options.Odoo.WebhookBaseUrl);
        WebhookUrl = Unavailable is null ? WebhookRule.UrlFor(options.Odoo.WebhookBaseUrl!, secret) : "";
        _transport = new Lazy<OdooJsonRpcTransport>(() => new OdooJsonRpcTransport(options.Odoo));
    }

    /// <summary>Null when the setup can run; else the reason, for a 409.</summary>
    public string? Unavailable { get; }

    /// <summary>Where the rules post, secret included: pass it only to Odoo.</summary>
    public string WebhookUrl { get; }

    public SecretScrubber Scrubber { get; }

    /// <summary>Serialises runs on this node.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public OdooAutomationSetup Setup => new(_transport.Value);

    public void Dispose()
    {
        if (_transport.IsValueCreated) _transport.Value.Dispose();
        Gate.Dispose();
    }

    private static string? PublicAddressProblem(string? baseUrl) =>
        string.IsNullOrWhiteSpace(baseUrl)
            ? "set CartonaActors:Odoo:WebhookBaseUrl to this service's address as Odoo reaches it (e.g. https://sync.example.com): the rules post there"
            : !Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.UserInfo.Length > 0
                ? $"CartonaActors:Odoo:WebhookBaseUrl '{SecretScrubber.SafeUrl(baseUrl)}' must be an absolute http(s) address without query or credentials"
                : null;
}
