using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using CartonaActors.Engine.Configuration;

namespace CartonaActors.Engine.Hosting;

public static class ClusterSetup
{
    public const string Role = "sync";

    /// <summary>Remoting and Akka.Cluster with the split-brain resolver. With no seed nodes the node joins itself.
    /// Seed nodes come from configuration (a StatefulSet's stable names on Kubernetes): Akka.Management's cluster
    /// bootstrap cannot start with the packages served here (ops/CLUSTER.md).</summary>
    public static AkkaConfigurationBuilder WithSyncCluster(this AkkaConfigurationBuilder builder, ClusterNodeOptions options)
    {
        builder
            .WithRemoting(options.Hostname, options.Port)
            .WithClustering(new ClusterOptions
            {
                Roles = [Role],
                SeedNodes = options.SeedNodes.Count > 0 ? options.SeedNodes.ToArray() : null,
            });
        if (options.SeedNodes.Count == 0)
            builder.AddStartup((system, _) =>
            {
                var cluster = Cluster.Get(system);
                cluster.Join(cluster.SelfAddress);
            });
        return builder;
    }

    /// <summary>The resolver's strategy for the cluster's size; overrides the keep-majority default of
    /// hocon/akka.hocon, so call it after the engine is wired.</summary>
    public static AkkaConfigurationBuilder WithSplitBrainResolver(this AkkaConfigurationBuilder builder, SplitBrainOptions options) =>
        builder.AddHocon(SplitBrainHocon.Render(options), HoconAddMode.Prepend);
}
