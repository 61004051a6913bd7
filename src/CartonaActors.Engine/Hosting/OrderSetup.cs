using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using CartonaActors.Domain.Orders;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.Orders;
using CartonaActors.Erp;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Hosting;

public static class OrderSetup
{
    /// <summary>Orders and customers: sharded persistent entities, passivated when idle (an order's next step
    /// after a restart is taken when it is next pulled or changed in the ERP).</summary>
    public static AkkaConfigurationBuilder WithSyncOrders(this AkkaConfigurationBuilder builder, CartonaActorsOptions options,
        IOdooSales sales, IOdooCatalog catalog, IReadOnlyList<PlatformConnection> orderConnections)
    {
        var delivered = OrderStages.Parse(options.Orders.DeliveredStage) is { } stage && stage is OrderStage.Delivered or OrderStage.Shipped
            ? stage
            : throw new ArgumentException($"CartonaActors:Orders:DeliveredStage '{options.Orders.DeliveredStage}' must be Delivered or Shipped");
        var settings = new OrderEntitySettings(sales, catalog,
            new OrderSyncPolicy(delivered, string.IsNullOrWhiteSpace(options.Orders.CancellationReason) ? null : options.Orders.CancellationReason),
            orderConnections.ToDictionary(c => c.Name, StringComparer.Ordinal),
            options.Orders.HeldRecheck, options.Sync.SnapshotEvery, new ErpOrderWork(options.Orders.ConcurrentErpSteps));
        var entityOptions = new ShardOptions
        {
            Role = ClusterSetup.Role,
            StateStoreMode = StateStoreMode.DData,
            RememberEntities = false,
            HandOffStopMessage = StopEntity.Instance,
            ShouldPassivateIdleEntities = true,
            PassivateIdleEntityAfter = options.Orders.PassivateIdleAfter,
        };
        return builder
            .WithShardRegion<OrderRegion>("order", id => OrderEntity.PropsFor(id, settings),
                new OrderMessageExtractor(options.Cluster.ShardCount), entityOptions)
            .WithShardRegion<CustomerRegion>("customer", id => CustomerEntity.PropsFor(id, sales),
                new CustomerMessageExtractor(options.Cluster.ShardCount), entityOptions);
    }
}
