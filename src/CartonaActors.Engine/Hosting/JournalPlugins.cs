using Akka.Actor;
using CartonaActors.Engine.Configuration;

namespace CartonaActors.Engine.Hosting;

/// <summary>
/// On PostgreSQL, two plugin instances on the same database tables. Products and orders (as many as the catalog)
/// write through the default one; the few entities everything else waits on — sharding's remembered entities,
/// marketplace entities, push slices, the product change follower, the ERP tasks — through their own, so a
/// catalog-wide burst of product writes never queues ahead of their recovery or their group writes. Same tables:
/// a journal written before the split reads the same. On SQLite everything shares the default plugin: a file has
/// one writer, and a second writing connection only waits for its lock (under load, for good).
/// </summary>
public static class JournalPlugins
{
    public const string InfrastructureId = "infrastructure";
    private const string JournalKey = "sync-engine.persistence.infrastructure-journal";
    private const string SnapshotsKey = "sync-engine.persistence.infrastructure-snapshots";

    public static bool Separate(PersistenceProvider provider) => provider == PersistenceProvider.PostgreSql;

    /// <summary>The infrastructure journal plugin id; empty means the default plugin.</summary>
    public static string Journal(PersistenceProvider provider) => Separate(provider) ? "akka.persistence.journal." + InfrastructureId : "";

    public static string Snapshots(PersistenceProvider provider) => Separate(provider) ? "akka.persistence.snapshot-store." + InfrastructureId : "";

    /// <summary>Records the choice in the system's configuration, where <see cref="Of"/> reads it.</summary>
    public static string Hocon(PersistenceProvider provider) =>
        $"{JournalKey} = \"{Journal(provider)}\"\n{SnapshotsKey} = \"{Snapshots(provider)}\"";

    /// <summary>The plugins an infrastructure entity persists through on this actor system.</summary>
    public static (string Journal, string Snapshots) Of(ActorSystem system) =>
        (system.Settings.Config.GetString(JournalKey, ""), system.Settings.Config.GetString(SnapshotsKey, ""));
}
