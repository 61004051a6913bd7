using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using CartonaActors.Domain.Erp;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.Erp;
using CartonaActors.Engine.Orders;
using CartonaActors.Erp;
using CartonaActors.Marketplaces;

using CartonaActors.Engine.Marketplaces;

namespace CartonaActors.Engine.Hosting;

public static class ErpSetup
{
    /// <summary>
    /// The Odoo connector: a change collector on every node (webhooks land anywhere), and remembered ERP task
    /// entities (one poller per model, the catalog load) that run on one node of the cluster and resume after a
    /// restart. Off when no Odoo URL is configured.
    /// </summary>
    public static AkkaConfigurationBuilder WithSyncErp(this AkkaConfigurationBuilder builder, CartonaActorsOptions options,
        IReadOnlyList<PlatformConnection> connections, Func<OdooSettings, IOdooCatalog> odooFactory, Func<OdooSettings, IOdooSales> salesFactory,
        ErpListingKeys? listingKeys = null)
    {
        if (!options.ErpEnabled) return builder;
        if (string.IsNullOrWhiteSpace(options.ErpSync.WebhookSecret))
            throw new ArgumentException("CartonaActors:ErpSync:WebhookSecret is required when CartonaActors:Odoo:Url is set");
        // Variants are read with the fields the connections list by or opt in with, beside the standard ones.
        options.Odoo.ExtraVariantFields = options.Odoo.ExtraVariantFields
            .Concat(connections.Where(c => c.Settings.ListErpVariants).SelectMany(c => c.Listings.ErpFields()))
            .Distinct(StringComparer.Ordinal).ToList();
        var odoo = odooFactory(options.Odoo);
        if (listingKeys is not null) listingKeys.Catalog = odoo;
        var sales = salesFactory(options.Odoo);
        var pulling = connections.Where(c => c.PullsOrders).ToList();
        var orderConnections = pulling.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var settings = new ErpTaskSettings(odoo, options.ErpSync, options.Odoo.PageSize,
            registry => new ErpProductFeeder(odoo, registry.Get<ProductRegion>(), registry.Get<ProductRangeRegion>(), connections, options.Odoo.PageSize, options.ErpSync.FeedConcurrency),
            sales, new ErpOrderRouting(orderConnections), connections.Where(c => c.Settings.ListErpVariants).Select(c => c.Name).ToList());
        var polled = orderConnections.Count > 0 ? options.ErpSync.PolledModels.Append(ErpPollerEntity.SaleOrderModel).Distinct().ToList() : options.ErpSync.PolledModels;

        return builder
            .WithShardRegion<ErpRegion>("erp",
                id => id == ErpTasks.CatalogLoad ? CatalogLoadEntity.PropsFor(id, settings) : ErpPollerEntity.PropsFor(id, settings),
                new ErpTaskMessageExtractor(options.Cluster.ShardCount),
                SyncHostingExtensions.BoundedAndRemembered(options.Persistence.Provider))
            .WithSyncOrders(options, sales, odoo, pulling)
            .WithActors((system, registry) =>
            {
                var collector = system.ActorOf(OdooChangeCollector.PropsFor(odoo, settings.FeederFor(registry),
                    options.ErpSync.CollectWindow, options.ErpSync.SettleDelay), "odoo-change-collector");
                registry.Register<OdooChangeCollectorKey>(collector);
                var watcher = system.ActorOf(ErpOrderWatcher.PropsFor(sales, settings.OrderRouting, options.ErpSync.CollectWindow, options.ErpSync.SettleDelay),
                    "erp-order-watcher");
                registry.Register<ErpOrderWatcherKey>(watcher);
            })
            .AddStartup((_, registry) =>
            {
                // Starting each poller once is enough: the region remembers them from then on.
                var erp = registry.Get<ErpRegion>();
                foreach (var model in polled) erp.Tell(new PollNow(ErpTasks.PollerOf(model)));
            });
    }
}
