using CartonaActors.Domain.SyncLog;
using CartonaActors.Engine.SyncLog;
using Akka.Actor;
using Akka.Hosting;
using CartonaActors.Domain.Erp;
using CartonaActors.Domain.Sync;
using CartonaActors.Engine;
using CartonaActors.Engine.Configuration;
using CartonaActors.Service.Admin;
using CartonaActors.Service.Api;

namespace CartonaActors.Service.Dashboard;

/// <summary>The two admin screens of the old Odoo add-on, served by the service: the monitoring dashboard at /
/// and the configuration at /configuration, with the JSON the dashboard refreshes from. Guarded by the admin
/// token like every admin endpoint (a browser opens them once with ?token=, see <see cref="AdminSession"/>).</summary>
public static class DashboardEndpoints
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public static void MapDashboard(this WebApplication app)
    {
        app.MapDashboardAssets();
        app.MapGet("/", () => Results.Content(DashboardPage.Render(), "text/html; charset=utf-8")).AsAdminPage();

        app.MapGet("/api/dashboard", async (CartonaActorsOptions options, OpenConnections open, IRequiredActor<MarketplaceRegion> region,
            SyncLogReader syncLog, CancellationToken ct) =>
        {
            // A disabled connection has no entity to ask (it is not opened); it shows with nothing done.
            var statuses = await Task.WhenAll(options.Connections.Select(async c => open.Find(c.Name) is null
                ? (c.Name, c.Platform, false, new MarketplaceStatus(c.Name, 0, 0, 0, null, 0, MarketplaceLedger.Empty))
                : (c.Name, c.Platform, true, await region.ActorRef.Ask<MarketplaceStatus>(new GetMarketplaceStatus(c.Name), AskTimeout, ct))));
            var now = DateTimeOffset.UtcNow;
            // The cluster-wide sync log's problems of the last 24 h (the newest 1,000; an order's row names the order).
            var problems = (await Task.WhenAll(new[] { SyncLogLevel.Warning, SyncLogLevel.Error }.Select(level =>
                    syncLog.QueryAsync(new SyncLogFilter(Level: level, Since: now - DashboardFigures.IssueWindow, Limit: SyncLogQuery.MaxLimit), ct))))
                .SelectMany(rows => rows).Select(r => new SyncIssue(r.At, r.Kind, r.OrderId ?? r.ProductId, r.Message)).ToList();
            return Results.Ok(DashboardFigures.From(statuses, problems, now));
        });

        app.MapGet("/configuration", async (HttpRequest request, CartonaActorsOptions options, OpenConnections connections,
            OdooWebhookCounter webhooks, ActorRegistry registry, CancellationToken ct) =>
        {
            IReadOnlyList<PollerStatus>? pollers = options.ErpEnabled
                ? await Task.WhenAll(options.ErpSync.PolledModels.Select(m =>
                    registry.Get<ErpRegion>().Ask<PollerStatus>(new GetPollerStatus(ErpTasks.PollerOf(m)), AskTimeout, ct)))
                : null;
            var html = ConfigurationPage.Render(new ConfigurationView(options, connections.All), pollers, webhooks,
                $"{request.Scheme}://{request.Host}{request.PathBase}", OdooWebhookEndpoints.ProductModels, OdooWebhookEndpoints.OrderModels);
            return Results.Content(html, "text/html; charset=utf-8");
        }).AsAdminPage();
    }
}
