using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;

namespace CartonaActors.Service.Api;

public static class ClusterEndpoints
{
    private static readonly TimeSpan StatsTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Cluster membership as this node sees it (any node answers for the whole cluster).</summary>
    public static void MapClusterEndpoints(this WebApplication app)
    {
        app.MapGet("/api/cluster/members", (ActorSystem system) =>
        {
            var state = Cluster.Get(system).State;
            return Results.Ok(new
            {
                self = Cluster.Get(system).SelfAddress.ToString(),
                leader = state.Leader?.ToString(),
                members = state.Members.Select(m => new { address = m.Address.ToString(), status = m.Status.ToString(), roles = m.Roles }),
                unreachable = state.Unreachable.Select(m => m.Address.ToString()),
            });
        });

        // Every shard region with, per node, its shards and their entity counts, across the cluster. Asks each
        // region's coordinator-wide statistics: no entity is woken to answer.
        app.MapGet("/api/cluster/shards", async (ActorSystem system, CancellationToken ct) =>
        {
            var sharding = ClusterSharding.Get(system);
            var regions = await Task.WhenAll(sharding.ShardTypeNames.Order(StringComparer.Ordinal).Select(async name =>
            {
                try
                {
                    var stats = await sharding.ShardRegion(name).Ask<ClusterShardingStats>(new GetClusterShardingStats(StatsTimeout), StatsTimeout + TimeSpan.FromSeconds(1), ct);
                    return (object)new
                    {
                        region = name,
                        nodes = stats.Regions.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal).Select(r => new
                        {
                            address = r.Key.ToString(),
                            shards = r.Value.Stats.Count,
                            entities = r.Value.Stats.Values.Sum(),
                            failedShards = r.Value.Failed.Count,
                            perShard = r.Value.Stats.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value),
                        }),
                    };
                }
                catch (AskTimeoutException)
                {
                    return new { region = name, error = $"no statistics within {StatsTimeout.TotalSeconds} s" };
                }
            }));
            return Results.Ok(regions);
        });
    }
}
