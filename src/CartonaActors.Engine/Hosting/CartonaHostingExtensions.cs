using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Roster;
using CartonaActors.Domain.Sync;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.Erp;
using CartonaActors.Engine.Marketplaces;
using CartonaActors.Engine.Products;
using CartonaActors.Engine.Roster;
using CartonaActors.Engine.Serialization;
using CartonaActors.Erp;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Hosting;

/// <summary>The one place that wires the engine into an actor system; the host and the tests both call it.</summary>
public static class CartonaHostingExtensions
{
    public static AkkaConfigurationBuilder WithCartonaActors(
        this AkkaConfigurationBuilder builder,
        CartonaActorsOptions options,
        Func<ConnectionSettings, IMarketplaceClient>? clientFactory = null,
        Func<OdooSettings, IOdooCatalog>? odooFactory = null,
        Func<OdooSettings, IOdooSales>? salesFactory = null)
    {
        var connections = options.Connections.Where(c => c.Enabled).ToList();
        foreach (var c in connections) MarketplaceClientFactory.Validate(c);
        var duplicate = connections.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Connection name '{duplicate.Key}' is configured twice");

        return builder
            .AddHocon(HoconFiles.Load("akka.hocon"), HoconAddMode.Prepend)
            .WithCartonaSerialization()
            .WithCartonaCluster(options.Cluster)
            .WithCartonaPersistence(options.Persistence)
            .WithCartonaEntities(options, connections, clientFactory ?? MarketplaceClientFactory.Create)
            .WithCartonaErp(options, odooFactory ?? OdooCatalogFactory.Create, salesFactory ?? OdooCatalogFactory.CreateSales);
    }

    public static AkkaConfigurationBuilder WithCartonaSerialization(this AkkaConfigurationBuilder builder) =>
        builder.WithCustomSerializer("cartona", [typeof(ICartonaSerializable)], system => new CartonaSerializer(system));

    private static AkkaConfigurationBuilder WithCartonaEntities(
        this AkkaConfigurationBuilder builder,
        CartonaActorsOptions options,
        IReadOnlyList<ConnectionSettings> connections,
        Func<ConnectionSettings, IMarketplaceClient> clientFactory)
    {
        var sync = options.Sync;
        var productSettings = new ProductEntitySettings(
            new DebouncePolicy(sync.DebounceQuietWindow, sync.DebounceMaxDelay),
            sync.ResendAfter, sync.PassivateIdleAfter, sync.SnapshotEvery, sync.RosterBuckets,
            connections.ToDictionary(c => c.Name, c => new ConnectionScope(c.Name, c.Warehouses), StringComparer.Ordinal));
        var backoff = new RetryBackoff(sync.RetryMinBackoff, sync.RetryMaxBackoff, 0.2);
        var byName = connections.ToDictionary(c => c.Name, StringComparer.Ordinal);

        return builder
            .WithShardRegion<ProductRegion>("product",
                id => ProductEntity.PropsFor(id, productSettings),
                new ProductMessageExtractor(options.Cluster.ShardCount),
                new ShardOptions
                {
                    Role = ClusterSetup.Role,
                    StateStoreMode = StateStoreMode.DData,
                    RememberEntities = false,
                    // Products passivate themselves, and only once every marketplace confirmed (idle timers
                    // would not keep them alive).
                    ShouldPassivateIdleEntities = false,
                    HandOffStopMessage = StopEntity.Instance,
                })
            .WithShardRegion<MarketplaceRegion>("marketplace",
                id => byName.TryGetValue(id, out var connection)
                    ? MarketplaceEntity.PropsFor(id, new MarketplaceEntitySettings(connection, clientFactory, backoff, sync.SnapshotEvery))
                    : UnknownConnection.PropsFor(id),
                new MarketplaceMessageExtractor(options.Cluster.ShardCount),
                BoundedAndRemembered())
            .WithShardRegion<RosterRegion>("product-roster",
                id => ProductRosterEntity.PropsFor(id, sync.SnapshotEvery),
                new RosterMessageExtractor(options.Cluster.ShardCount),
                BoundedAndRemembered())
            .AddStartup((_, registry) =>
            {
                // Start every roster bucket now, while the journal is quiet: started lazily under a catalog-wide
                // burst, their remembered-entity state loaded too slowly and the shards restarted in a loop.
                var roster = registry.Get<RosterRegion>();
                for (var b = 0; b < sync.RosterBuckets; b++) roster.Tell(new StartRoster(RosterBuckets.Name(b)), ActorRefs.NoSender);
            });
    }

    /// <summary>For the few entities that must run without being asked (connections, roster buckets): their
    /// shard restarts them with the node. Never for products or orders (akka.net #7447).</summary>
    internal static ShardOptions BoundedAndRemembered() => new()
    {
        Role = ClusterSetup.Role,
        StateStoreMode = StateStoreMode.DData,
        RememberEntities = true,
        RememberEntitiesStore = RememberEntitiesStore.Eventsourced,
        HandOffStopMessage = StopEntity.Instance,
    };
}
