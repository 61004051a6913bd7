using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using CartonaActors.Domain.Connections;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Domain.Sync;
using CartonaActors.Domain.SyncLog;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.Erp;
using CartonaActors.Engine.Marketplaces;
using CartonaActors.Engine.Products;
using CartonaActors.Engine.Serialization;
using CartonaActors.Engine.SyncLog;
using CartonaActors.Erp;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Hosting;

/// <summary>The one place that wires the engine into an actor system; the host and the tests both call it.</summary>
public static class SyncHostingExtensions
{
    /// <param name="platforms">The platforms connections may name (the host registers one line per platform).</param>
    /// <param name="clientFactory">Replaces the platforms' own clients (tests script a marketplace with it).</param>
    public static AkkaConfigurationBuilder WithSyncEngine(
        this AkkaConfigurationBuilder builder,
        CartonaActorsOptions options,
        PlatformRegistry platforms,
        Func<PlatformConnection, IMarketplaceClient>? clientFactory = null,
        Func<OdooSettings, IOdooCatalog>? odooFactory = null,
        Func<OdooSettings, IOdooSales>? salesFactory = null)
    {
        var connections = platforms.OpenAll(options.Connections);
        // Order lines of connections that list by SKU or barcode are resolved against the ERP the connector opens.
        var listingKeys = new ErpListingKeys();

        return builder
            .AddHocon(HoconFiles.Load("akka.hocon"), HoconAddMode.Prepend)
            .WithSyncSerialization(platforms)
            .WithSyncCluster(options.Cluster)
            .WithSyncPersistence(options.Persistence)
            .WithSyncEntities(options, connections, clientFactory ?? (c => c.CreateClient()), listingKeys)
            .WithSyncErp(options, connections, odooFactory ?? OdooCatalogFactory.Create, salesFactory ?? OdooCatalogFactory.CreateSales, listingKeys);
    }

    public static AkkaConfigurationBuilder WithSyncSerialization(this AkkaConfigurationBuilder builder, PlatformRegistry platforms)
    {
        var legacy = platforms.LegacyEventReaders();
        return builder.WithCustomSerializer("sync", [typeof(IWireSerializable)], system => new SyncSerializer(system, legacy));
    }

    private static AkkaConfigurationBuilder WithSyncEntities(
        this AkkaConfigurationBuilder builder,
        CartonaActorsOptions options,
        IReadOnlyList<PlatformConnection> connections,
        Func<PlatformConnection, IMarketplaceClient> clientFactory,
        ErpListingKeys listingKeys)
    {
        var sync = options.Sync;
        var productSettings = new ProductEntitySettings(
            new DebouncePolicy(sync.DebounceQuietWindow, sync.DebounceMaxDelay),
            sync.ResendAfter, sync.PassivateIdleAfter, sync.SnapshotEvery, sync.PushSlices,
            connections.ToDictionary(c => c.Name, c => c.Scope, StringComparer.Ordinal));
        var backoff = new RetryBackoff(sync.RetryMinBackoff, sync.RetryMaxBackoff, 0.2);
        var byName = connections.ToDictionary(c => c.Name, StringComparer.Ordinal);

        // Products and ranges passivate themselves, and only once every push slice holds their offers (idle
        // timers would not keep them alive).
        var products = new ShardOptions
        {
            Role = ClusterSetup.Role,
            StateStoreMode = StateStoreMode.DData,
            RememberEntities = false,
            JournalPluginId = JournalPlugins.Journal(options.Persistence.Provider),
            SnapshotPluginId = JournalPlugins.Snapshots(options.Persistence.Provider),
            ShouldPassivateIdleEntities = false,
            HandOffStopMessage = StopEntity.Instance,
        };
        return builder
            .WithShardRegion<ProductRegion>("product",
                id => ProductEntity.PropsFor(id, productSettings),
                new ProductMessageExtractor(options.Cluster.ShardCount), products)
            .WithShardRegion<ProductRangeRegion>("product-range",
                id => ProductRangeEntity.PropsFor(id, productSettings),
                new ProductRangeMessageExtractor(options.Cluster.ShardCount), products)
            .WithShardRegion<MarketplaceRegion>("marketplace",
                id => byName.TryGetValue(id, out var connection)
                    ? MarketplaceEntity.PropsFor(id, new MarketplaceEntitySettings(connection, clientFactory, backoff, sync.SnapshotEvery, sync.PushSlices,
                        ErpListingKeys.FieldOf(connection.Listings) is null ? null : listingKeys))
                    : UnknownConnection.PropsFor(id),
                new MarketplaceMessageExtractor(options.Cluster.ShardCount),
                BoundedAndRemembered(options.Persistence.Provider))
            .WithShardRegion<PushSliceRegion>("push-slice",
                id => PushSliceEntity.PropsFor(id, byName.TryGetValue(PushSliceIds.ConnectionOf(id), out var c) ? c.Limits.HandedTimeout(sync.ResendAfter) : sync.ResendAfter * 6),
                new PushSliceMessageExtractor(options.Cluster.ShardCount),
                BoundedAndRemembered(options.Persistence.Provider))
            .WithShardRegion<ProductFollowerRegion>("product-follower",
                _ => ProductChangeFollower.PropsFor(),
                new ProductFollowerMessageExtractor(options.Cluster.ShardCount),
                BoundedAndRemembered(options.Persistence.Provider))
            .WithShardRegion<SyncLogRegion>("sync-log",
                id => id == SyncLogProjection.Id ? SyncLogProjection.PropsFor(SyncLogDatabase.For(options.Persistence), options.SyncLog) : InputRefusalRecorder.PropsFor(),
                new SyncLogMessageExtractor(options.Cluster.ShardCount),
                BoundedAndRemembered(options.Persistence.Provider))
            .AddStartup((system, registry) =>
            {
                var metrics = SyncMetrics.For(system);
                foreach (var connection in connections) metrics.Know(connection.Name, connection.Settings.Platform);
                // Start the slices and the follower now, while the journal is quiet: started lazily under a
                // catalog-wide burst, remembered-entity state loaded too slowly and shards restarted in a loop.
                var slices = registry.Get<PushSliceRegion>();
                foreach (var connection in connections)
                foreach (var slice in PushSliceIds.All(connection.Name, sync.PushSlices))
                    slices.Tell(new StartPushSlice(slice), ActorRefs.NoSender);
                registry.Get<ProductFollowerRegion>().Tell(new StartProductFollower(ProductChangeFollower.Id), ActorRefs.NoSender);
                registry.Get<SyncLogRegion>().Tell(StartSyncLogProjection.Instance, ActorRefs.NoSender);
            });
    }

    /// <summary>For the few entities that must run without being asked (connections, push slices, the follower):
    /// their shard restarts them with the node. Never for products or orders (akka.net #7447).</summary>
    internal static ShardOptions BoundedAndRemembered(PersistenceProvider provider) => new()
    {
        Role = ClusterSetup.Role,
        StateStoreMode = StateStoreMode.DData,
        RememberEntities = true,
        RememberEntitiesStore = RememberEntitiesStore.Eventsourced,
        // The remembered-entities store recovers before any entity of the shard starts: never behind product writes.
        JournalPluginId = JournalPlugins.Journal(provider),
        SnapshotPluginId = JournalPlugins.Snapshots(provider),
        HandOffStopMessage = StopEntity.Instance,
    };
}
