using Akka.Actor;
using Akka.Cluster;

namespace CartonaActors.Service.Api;

public static class ClusterEndpoints
{
    /// <summary>Cluster membership as this node sees it (any node answers for the whole cluster).</summary>
    public static void MapClusterEndpoints(this WebApplication app) =>
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
}
