using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using CartonaActors.Domain.Json;
using CartonaActors.Domain.Secrets;
using CartonaActors.Engine;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.Erp;
using CartonaActors.Service.Admin;

namespace CartonaActors.Service.Api;

public static class OdooWebhookEndpoints
{
    /// <summary>Models whose webhooks mean "re-read these variants".</summary>
    public static readonly IReadOnlySet<string> ProductModels = new HashSet<string>(StringComparer.Ordinal)
    {
        "product.product", "product.template", "product.template.attribute.value", "stock.quant", "stock.move",
    };

    /// <summary>Models whose webhooks mean "re-read these sale orders".</summary>
    public static readonly IReadOnlySet<string> OrderModels = new HashSet<string>(StringComparer.Ordinal) { "sale.order", "stock.picking" };

    /// <summary>
    /// Receives Odoo 18's "Send Webhook Notification" posts. They carry no signature, so the URL (or a header)
    /// must carry the configured secret. The body is only a hint of which record changed: Odoo sends it before
    /// its transaction commits, so the values are read back from Odoo, never taken from here.
    /// Answers fast: Odoo gives up after 1 s and never retries.
    /// </summary>
    public static void MapOdooWebhookEndpoints(this WebApplication app) =>
        app.MapPost("/webhooks/odoo", async (HttpRequest request, CartonaActorsOptions options, ActorRegistry registry,
            InputRefusals refusals, OdooWebhookCounter counter, ILogger<OdooWebhookEndpoints.OdooWebhookMarker> log) =>
        {
            IResult Refuse(int status, string reason)
            {
                counter.Refuse();
                log.LogWarning("Refused Odoo webhook: {Reason}", reason);
                refusals.Refused(null, "odoo webhook: " + reason);
                return Results.Json(new { error = reason }, statusCode: status);
            }

            if (!options.ErpEnabled) return Refuse(StatusCodes.Status404NotFound, "the Odoo connector is not configured");
            var presented = request.Headers["X-Webhook-Token"].FirstOrDefault() ?? request.Query["token"].FirstOrDefault();
            if (!SecretComparison.Matches(presented, options.ErpSync.WebhookSecret))
                return Refuse(StatusCodes.Status401Unauthorized, "missing or wrong webhook token");

            var read = await RequestBodies.ReadJsonAsync<JsonElement>(request, JsonSerializerOptions.Default);
            if (!read.Ok) return Refuse(read.Status, read.Error!);
            var body = read.Value;
            if (body.ValueKind != JsonValueKind.Object
                || !body.TryGetProperty("_model", out var model) || model.ValueKind != JsonValueKind.String
                || !body.TryGetProperty("_id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var recordId))
                return Refuse(StatusCodes.Status400BadRequest, "the body must be an object with \"_model\" (string) and \"_id\" (integer), as Odoo's webhook action sends");
            var modelName = JsonStrings.Read(model); // an escaped lone surrogate is no model the sync follows, not a crash
            // This request's span: the read of Odoo it leads to links to it (null when nobody traces).
            var touched = new ErpRecordsTouched(modelName, [recordId], SyncTracing.CurrentTraceParent());
            if (OrderModels.Contains(modelName))
                registry.Get<ErpOrderWatcherKey>().Tell(touched);
            else if (ProductModels.Contains(modelName))
                registry.Get<OdooChangeCollectorKey>().Tell(touched);
            else
                return Refuse(StatusCodes.Status422UnprocessableEntity,
                    $"model '{JsonErrorText.Short(modelName)}' is not one the sync follows ({string.Join(", ", ProductModels.Concat(OrderModels))})");
            counter.Accept(DateTimeOffset.UtcNow);
            return Results.Accepted(value: new { model = modelName, id = recordId });
        }).WithBodyLimit(BodyLimits.OdooWebhook).ExemptFromAdminToken(); // Odoo cannot send a bearer token; the webhook secret above guards it.

    /// <summary>Log category.</summary>
    public sealed class OdooWebhookMarker;
}
