using CartonaActors.Engine.Configuration;

namespace CartonaActors.Engine.Hosting;

/// <summary>Configuration that would start but could not work as a cluster, refused before anything starts.</summary>
public static class ClusterPreconditions
{
    /// <summary>A SQLite journal is a file on one machine: nodes of a cluster would each write their own journal
    /// and an entity moving between nodes would lose its history, so seed nodes require PostgreSQL.</summary>
    public static void Check(CartonaActorsOptions options)
    {
        if (options.Persistence.Provider == PersistenceProvider.Sqlite && options.Cluster.SeedNodes.Count > 0)
            throw new ClusterConfigurationException(
                $"CartonaActors:Persistence:Provider is Sqlite but CartonaActors:Cluster:SeedNodes lists {options.Cluster.SeedNodes.Count} seed node(s). " +
                "A SQLite journal is a local file and cannot be shared by the nodes of a cluster: set CartonaActors:Persistence:Provider=PostgreSql " +
                "(with CartonaActors:Persistence:ConnectionString), or remove CartonaActors:Cluster:SeedNodes to run a single node.");
    }
}

/// <summary>The cluster settings contradict each other; the message names the keys.</summary>
public sealed class ClusterConfigurationException(string message) : Exception(message);
