using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using CartonaActors.Engine.Configuration;

namespace CartonaActors.Engine.Hosting;

public static class ClusterSetup
{
    public const string Role = "sync";

    /// <summary>Remoting and Akka.Cluster with the split-brain resolver. With no seed nodes the node joins itself.</summary>
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
}
