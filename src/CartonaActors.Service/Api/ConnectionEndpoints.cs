using Akka.Actor;
using Akka.Hosting;
using CartonaActors.Domain.Sync;
using CartonaActors.Engine;
using CartonaActors.Engine.Configuration;
using CartonaActors.Marketplaces;
using CartonaActors.Service.Sandbox;

namespace CartonaActors.Service.Api;

public static class ConnectionEndpoints
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SyncAllTimeout = TimeSpan.FromSeconds(60);

    public static void MapConnectionEndpoints(this WebApplication app)
    {
        app.MapGet("/api/connections", async (CartonaActorsOptions options, IRequiredActor<MarketplaceRegion> region, CancellationToken ct) =>
            Results.Ok(await Task.WhenAll(options.Connections.Where(c => c.Enabled).Select(c => StatusAsync(c, region.ActorRef, ct)))));

        app.MapGet("/api/connections/{name}", async (string name, CartonaActorsOptions options, IRequiredActor<MarketplaceRegion> region, CancellationToken ct) =>
            Find(options, name) is { } c ? Results.Ok(await StatusAsync(c, region.ActorRef, ct)) : UnknownConnection(name));

        app.MapPost("/api/connections/{name}/test", async (string name, OpenConnections connections, CancellationToken ct) =>
        {
            if (connections.Find(name) is not { } c) return UnknownConnection(name);
            var client = c.CreateClient();
            using var _ = client as IDisposable;
            var check = await client.TestConnectionAsync(ct);
            return Results.Ok(new { connection = name, platform = c.Settings.Platform, ok = check.Ok, message = check.Message });
        }).ReadsNoBody();

        // "Sync all": every listed product of the connection is sent again from the push slices (no product is
        // woken); progress in GET /api/connections/{name} as syncAll {total, remaining}.
        app.MapPost("/api/connections/{name}/sync-all", async (string name, CartonaActorsOptions options, IRequiredActor<MarketplaceRegion> region,
            ILogger<SyncAllAccepted> log, CancellationToken ct) =>
        {
            if (Find(options, name) is null) return UnknownConnection(name);
            var accepted = await region.ActorRef.Ask<SyncAllAccepted>(new StartSyncAll(name), SyncAllTimeout, ct);
            log.LogInformation("Sync all on {Connection}: {Products} products to send again", name, accepted.Products);
            return Results.Accepted($"/api/connections/{name}", new { connection = name, products = accepted.Products });
        }).ReadsNoBody();

        // An operator's pause: nothing is sent to the marketplace until resumed (changes keep being recorded).
        app.MapPost("/api/connections/{name}/pause", async (string name, HttpRequest request, CartonaActorsOptions options,
            IRequiredActor<MarketplaceRegion> region, CancellationToken ct) =>
        {
            if (Find(options, name) is null) return UnknownConnection(name);
            var reason = request.Query["reason"].ToString() is { Length: > 0 } r ? JsonErrorText.Short(r) : "paused by an operator";
            return Results.Ok(await region.ActorRef.Ask<MarketplaceStatus>(new PauseConnection(name, reason), AskTimeout, ct));
        }).ReadsNoBody();

        app.MapPost("/api/connections/{name}/resume", async (string name, CartonaActorsOptions options, IRequiredActor<MarketplaceRegion> region, CancellationToken ct) =>
            Find(options, name) is null ? UnknownConnection(name) : Results.Ok(await region.ActorRef.Ask<MarketplaceStatus>(new ResumeConnection(name), AskTimeout, ct)))
            .ReadsNoBody();

        app.MapGet("/api/engine/stats", (ActorSystem system) => Results.Ok(new { productsStarted = EngineCounters.For(system).ProductsStarted }));

        // What the embedded sandbox marketplace shows now: the quickest way to see a change arrive.
        app.MapGet("/api/sandbox/products/{internalId}", (string internalId, SandboxHandle sandbox) =>
            sandbox.Emulator?.Catalog.TryGet(internalId) is { } p ? Results.Ok(p) : Results.NotFound(new { error = $"no sandbox product {internalId}" }));
    }

    /// <summary>An enabled connection: a disabled one has no entity to answer for it.</summary>
    private static ConnectionSettings? Find(CartonaActorsOptions options, string name) =>
        options.Connections.FirstOrDefault(c => c.Name == name && c.Enabled);

    private static IResult UnknownConnection(string name) => Results.NotFound(new { error = $"connection '{JsonErrorText.Short(name)}' is not configured or is disabled" });

    private static Task<MarketplaceStatus> StatusAsync(ConnectionSettings c, IActorRef region, CancellationToken ct) =>
        region.Ask<MarketplaceStatus>(new GetMarketplaceStatus(c.Name), AskTimeout, ct);
}
