using Akka.Actor;
using Akka.Hosting;
using CartonaActors.Domain.Erp;
using CartonaActors.Engine;
using CartonaActors.Engine.Configuration;

namespace CartonaActors.Service.Api;

public static class ErpEndpoints
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Admin endpoints of the Odoo connector: the full catalog load and the pollers.</summary>
    public static void MapErpEndpoints(this WebApplication app)
    {
        var erp = app.MapGroup("/api/erp").AddEndpointFilter(async (ctx, next) =>
            ctx.HttpContext.RequestServices.GetRequiredService<CartonaActorsOptions>().ErpEnabled
                ? await next(ctx)
                : Results.NotFound(new { error = "the Odoo connector is not configured (set CartonaActors:Odoo:Url)" }));

        erp.MapPost("/catalog-load", async (ActorRegistry registry, CancellationToken ct) =>
            Results.Accepted("/api/erp/catalog-load",
                await registry.Get<ErpRegion>().Ask<CatalogLoadProgress>(new StartCatalogLoad(ErpTasks.CatalogLoad), AskTimeout, ct)))
            .ReadsNoBody();

        erp.MapGet("/catalog-load", async (ActorRegistry registry, CancellationToken ct) =>
            Results.Ok(await registry.Get<ErpRegion>().Ask<CatalogLoadProgress>(new GetCatalogLoadProgress(ErpTasks.CatalogLoad), AskTimeout, ct)));

        erp.MapGet("/pollers", async (ActorRegistry registry, CartonaActorsOptions options, CancellationToken ct) =>
            Results.Ok(await Task.WhenAll(options.ErpSync.PolledModels.Select(m =>
                registry.Get<ErpRegion>().Ask<PollerStatus>(new GetPollerStatus(ErpTasks.PollerOf(m)), AskTimeout, ct)))));

        erp.MapPost("/pollers/{model}/poll", (string model, ActorRegistry registry, CartonaActorsOptions options) =>
        {
            if (!options.ErpSync.PolledModels.Contains(model)) return Results.NotFound(new { error = $"model '{model}' is not polled" });
            registry.Get<ErpRegion>().Tell(new PollNow(ErpTasks.PollerOf(model)));
            return Results.Accepted();
        }).ReadsNoBody();
    }
}
