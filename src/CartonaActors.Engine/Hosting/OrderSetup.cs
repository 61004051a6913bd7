using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using CartonaActors.Domain.Orders;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.Orders;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Hosting;

public static class OrderSetup
{
    /// <summary>Orders and customers: sharded persistent entities, passivated when idle (an order's next step
    /// after a restart is taken when it is next pulled or changed in the ERP).</summary>
    public static AkkaConfigurationBuilder WithCartonaOrders(this AkkaConfigurationBuilder builder, CartonaActorsOptions options,
        IOdooSales sales, IOdooCatalog catalog, IReadOnlySet<string> orderConnections)
    {
        var settings = new OrderEntitySettings(sales, catalog,
            new OrderSyncPolicy(options.Orders.DeliveredStatus, options.Orders.CancellationReason),
            options.Connections.Where(c => orderConnections.Contains(c.Name)).ToDictionary(c => c.Name, StringComparer.Ordinal),
            options.Orders.HeldRecheck, options.Sync.SnapshotEvery);
        var entityOptions = new ShardOptions
        {
            Role = ClusterSetup.Role,
            StateStoreMode = StateStoreMode.DData,
            RememberEntities = false,
            HandOffStopMessage = StopEntity.Instance,
        };
        return builder
            .WithShardRegion<OrderRegion>("order", id => OrderEntity.PropsFor(id, settings),
                new OrderMessageExtractor(options.Cluster.ShardCount), entityOptions)
            .WithShardRegion<CustomerRegion>("customer", id => CustomerEntity.PropsFor(id, sales),
                new CustomerMessageExtractor(options.Cluster.ShardCount), entityOptions);
    }
}
