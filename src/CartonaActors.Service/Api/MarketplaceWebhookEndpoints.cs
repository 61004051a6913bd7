using Akka.Actor;
using Akka.Hosting;
using CartonaActors.Domain.Orders;
using CartonaActors.Engine;
using CartonaActors.Marketplaces;
using CartonaActors.Service.Admin;

namespace CartonaActors.Service.Api;

public static class MarketplaceWebhookEndpoints
{
    /// <summary>
    /// Receives a marketplace's webhooks for one connection (Shopify's <c>orders/*</c> topics). The platform checks
    /// the signature over the raw body and drops deliveries it has taken already; a genuine one makes the connection
    /// read its orders now, through the same query a poll makes (the webhook only says that something changed).
    /// Answers at once: Shopify waits 5 s and retries what is not answered 2xx.
    /// </summary>
    public static void MapMarketplaceWebhookEndpoints(this WebApplication app) =>
        app.MapPost("/webhooks/marketplaces/{connection}", async (string connection, HttpRequest request, OpenConnections connections,
            ActorRegistry registry, InputRefusals refusals, ILogger<MarketplaceWebhookMarker> log) =>
        {
            IResult Refuse(int status, string reason)
            {
                log.LogWarning("Refused marketplace webhook for {Connection}: {Reason}", JsonErrorText.Short(connection), reason);
                refusals.Refused(null, $"{JsonErrorText.Short(connection)} webhook: {reason}");
                return Results.Json(new { error = reason }, statusCode: status);
            }

            // The body is read (bounded) before anything is refused: a body left unread makes Kestrel drop the
            // connection after the answer, which a sender sees as a failed delivery rather than as the refusal.
            var limit = BodyLimits.Of(request.HttpContext);
            if (await RequestBodies.ReadBoundedAsync(request, limit) is not { } body)
                return Refuse(StatusCodes.Status413PayloadTooLarge, BodyLimits.TooLarge(request, limit, request.ContentLength));
            if (connections.Find(connection) is not { Webhooks: { } webhooks } found)
                return Refuse(StatusCodes.Status404NotFound, $"connection '{JsonErrorText.Short(connection)}' takes no webhooks (unknown, or no client secret to verify them with)");
            var verdict = webhooks.Check(name => request.Headers.TryGetValue(name, out var v) ? v.ToString() : null, body);
            switch (verdict)
            {
                case WebhookVerdict.Forged forged:
                    return Refuse(StatusCodes.Status401Unauthorized, forged.Reason);
                case WebhookVerdict.OrdersChanged changed when found.PullsOrders:
                    log.LogInformation("{Connection}: webhook {Topic} ({DeliveryId}): reading its orders now", connection, changed.Topic, changed.DeliveryId);
                    registry.Get<MarketplaceRegion>().Tell(new PullOrdersNow(connection), ActorRefs.NoSender);
                    return Results.Ok(new { accepted = changed.Topic });
                case WebhookVerdict.Duplicate duplicate:
                    log.LogDebug("{Connection}: webhook {DeliveryId} delivered again; taken already", connection, duplicate.DeliveryId);
                    return Results.Ok(new { duplicate = duplicate.DeliveryId });
                default:
                    return Results.Ok(new { ignored = true });
            }
        }).WithBodyLimit(BodyLimits.MarketplaceWebhook).ExemptFromAdminToken(); // the platform signs; it sends no bearer token

    /// <summary>Log category.</summary>
    public sealed class MarketplaceWebhookMarker;
}
