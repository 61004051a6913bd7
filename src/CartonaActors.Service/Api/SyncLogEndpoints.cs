using CartonaActors.Domain.SyncLog;
using CartonaActors.Engine.SyncLog;

namespace CartonaActors.Service.Api;

/// <summary>
/// The sync log, cluster-wide and restart-proof: rows the journal's projection wrote (any node answers the same).
/// It trails the journal by about a second. Bad parameters get a 400 saying what is expected.
/// </summary>
public static class SyncLogEndpoints
{
    public static void MapSyncLogEndpoints(this WebApplication app)
    {
        app.MapGet("/api/sync-log", async (HttpRequest request, SyncLogReader log, CancellationToken ct) =>
        {
            var q = request.Query;
            var (filter, error) = SyncLogQuery.Parse(q["connection"], q["level"], q["kind"], q["product"], q["order"], q["since"], q["before"], q["limit"]);
            return filter is null ? Results.BadRequest(new { error }) : Results.Ok(await log.QueryAsync(filter, ct));
        });

        app.MapGet("/api/sync-log/summary", async (HttpRequest request, SyncLogReader log, CancellationToken ct) =>
        {
            var (hours, error) = SyncLogQuery.ParseHours(request.Query["hours"]);
            return error is not null ? Results.BadRequest(new { error }) : Results.Ok(await log.SummaryAsync(hours, DateTimeOffset.UtcNow, ct));
        });
    }
}
