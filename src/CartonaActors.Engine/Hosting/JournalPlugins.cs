namespace CartonaActors.Engine.Hosting;

/// <summary>
/// Two plugin instances on the same database tables. Products and orders (as many as the catalog) write through
/// the default one; the few entities everything else waits on — sharding's remembered entities, marketplace
/// entities, push slices, the product change follower, the ERP tasks — through their own, so a catalog-wide
/// burst of product writes never queues ahead of their recovery or their group writes. Same tables: a journal
/// written before the split reads the same.
/// </summary>
public static class JournalPlugins
{
    public const string InfrastructureId = "infrastructure";
    public const string InfrastructureJournal = "akka.persistence.journal." + InfrastructureId;
    public const string InfrastructureSnapshots = "akka.persistence.snapshot-store." + InfrastructureId;
}
