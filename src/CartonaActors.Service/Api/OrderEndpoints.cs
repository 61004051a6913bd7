using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using CartonaActors.Domain.Json;
using CartonaActors.Domain.Orders;
using CartonaActors.Engine;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.SyncLog;
using CartonaActors.Domain.SyncLog;

namespace CartonaActors.Service.Api;

public static class OrderEndpoints
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);
    private const int MaxHeldShown = 500;

    /// <summary>Admin endpoints for marketplace orders: look one up, pull now, re-check a held one, deliver with the retailer's OTP.</summary>
    public static void MapOrderEndpoints(this WebApplication app)
    {
        var orders = app.MapGroup("/api").AddEndpointFilter(async (ctx, next) =>
            ctx.HttpContext.RequestServices.GetRequiredService<CartonaActorsOptions>().ErpEnabled
                ? await next(ctx)
                : Results.NotFound(new { error = "orders need the Odoo connector (set CartonaActors:Odoo:Url)" }));

        orders.MapGet("/orders/{connection}/{hashedId}", async (string connection, string hashedId, ActorRegistry registry, CancellationToken ct) =>
        {
            var state = await registry.Get<OrderRegion>().Ask<OrderState>(new GetOrder(OrderState.IdOf(connection, hashedId)), AskTimeout, ct);
            return state.Version == 0 ? Results.NotFound(new { error = $"order {connection}/{hashedId} has not been pulled" }) : Results.Ok(View(state));
        });

        // Orders whose import is held now. The sync log names every order that was ever held; each one's entity says
        // whether it still is (released ones drop out), so the answer is as true as the orders themselves.
        orders.MapGet("/orders/held", async (HttpRequest request, SyncLogReader log, ActorRegistry registry, CancellationToken ct) =>
        {
            var only = request.Query["connection"].ToString();
            var rows = await log.QueryAsync(new SyncLogFilter(Connection: only.Length == 0 ? null : only, Kind: "order_held", Limit: SyncLogQuery.MaxLimit), ct);
            var candidates = rows.Select(r => r.OrderId).OfType<string>().Distinct(StringComparer.Ordinal).Take(MaxHeldShown).ToList();
            var states = await Task.WhenAll(candidates.Select(id => registry.Get<OrderRegion>().Ask<OrderState>(new GetOrder(id), AskTimeout, ct)));
            return Results.Ok(states.Where(s => s.Hold is not null).OrderBy(s => s.OrderId, StringComparer.Ordinal).Select(View));
        });

        // Every journaled step of the order, read from the journal without waking the entity.
        orders.MapGet("/orders/{connection}/{hashedId}/history", async (string connection, string hashedId, ActorSystem system) =>
        {
            var orderId = OrderState.IdOf(connection, hashedId);
            var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
            var steps = await journal.CurrentEventsByPersistenceId("order-" + orderId, 0, long.MaxValue)
                .Where(e => e.Event is IOrderEvent)
                .Select(e => (e.SequenceNr, e.Timestamp, Step: OrderHistory.Describe((IOrderEvent)e.Event)))
                .RunAggregate(new List<object>(), (list, e) =>
                {
                    list.Add(new
                    {
                        sequenceNr = e.SequenceNr,
                        at = JournalTime(e.Timestamp),
                        step = e.Step.Step, outcome = e.Step.Outcome, detail = e.Step.Detail,
                    });
                    return list;
                }, system.Materializer());
            return steps.Count == 0
                ? Results.NotFound(new { error = $"order {orderId} has no journaled history (never pulled)" })
                : Results.Ok(new { orderId, steps });
        });

        orders.MapPost("/orders/{connection}/{hashedId}/retry", (string connection, string hashedId, ActorRegistry registry) =>
        {
            registry.Get<OrderRegion>().Tell(new RetryOrder(OrderState.IdOf(connection, hashedId)));
            return Results.Accepted();
        }).ReadsNoBody();

        orders.MapPost("/orders/{connection}/{hashedId}/deliver", async (string connection, string hashedId, HttpRequest request,
            ActorRegistry registry, CancellationToken ct) =>
        {
            const string Expected = "the body must be {\"otp\": \"<retailer OTP>\"}";
            var read = await RequestBodies.ReadJsonAsync<JsonElement>(request, JsonSerializerOptions.Default);
            if (!read.Ok) return Refusals.Refuse(request.HttpContext, read.Status, $"{connection}/{hashedId}", $"deliver: {read.Error}; {Expected}");
            var otp = read.Value.ValueKind == JsonValueKind.Object && read.Value.TryGetProperty("otp", out var o) && o.ValueKind == JsonValueKind.String
                ? JsonStrings.Read(o) : null; // an escaped lone surrogate is a wrong code for the marketplace to refuse, not a crash
            if (string.IsNullOrWhiteSpace(otp))
                return Refusals.Refuse(request.HttpContext, StatusCodes.Status400BadRequest, $"{connection}/{hashedId}", "deliver: " + Expected);
            var state = await registry.Get<OrderRegion>().Ask<OrderState>(new DeliverWithOtp(OrderState.IdOf(connection, hashedId), otp), AskTimeout, ct);
            return Results.Accepted($"/api/orders/{connection}/{hashedId}", View(state));
        }).WithBodyLimit(BodyLimits.DeliveryCode);

        orders.MapPost("/connections/{name}/pull-orders", (string name, OpenConnections connections, ActorRegistry registry) =>
        {
            if (connections.Find(name) is not { PullsOrders: true }) return Results.NotFound(new { error = $"connection '{name}' does not pull orders" });
            registry.Get<MarketplaceRegion>().Tell(new PullOrdersNow(name));
            return Results.Accepted();
        }).ReadsNoBody();
    }

    /// <summary>The time an event was written: the SQL journal keeps UTC ticks; other plugins keep Unix milliseconds.</summary>
    private static DateTimeOffset? JournalTime(long timestamp) => timestamp switch
    {
        <= 0 => null,
        > 100_000_000_000_000 => timestamp <= DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset(timestamp, TimeSpan.Zero) : null,
        _ => DateTimeOffset.FromUnixTimeMilliseconds(timestamp),
    };

    /// <summary>The order as an operator needs it; the OTP is never shown.</summary>
    private static object View(OrderState s) => new
    {
        orderId = s.OrderId,
        version = s.Version,
        marketplaceStatus = s.MarketplaceStatus,
        receivedStatus = s.ReceivedStatus,
        acknowledgedVersion = s.AcknowledgedVersion,
        held = s.Hold,
        partnerId = s.PartnerId,
        saleOrderId = s.SaleOrderId,
        erpState = s.ErpState,
        erpDeliveryDone = s.ErpDeliveryDone,
        flags = s.Flags,
        refused = s.Refusals,
        otpGiven = s.RetailerOtp is not null,
        order = s.Latest,
    };
}
