using Akka.Actor;
using Akka.Hosting;
using Akka.TestKit;
using CartonaActors.Domain.Orders;
using CartonaActors.Engine.Orders;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Tests.Holds;

/// <summary>One order entity of connection "cartona" on the TestKit's system: its products, marketplace and
/// customers are probes, its ERP is scripted. The customer probe answers every customer with partner 9.</summary>
internal sealed class OrderWorld
{
    public const string Connection = "cartona";

    public OrderWorld(Akka.TestKit.Xunit2.TestKit kit, int snapshotEvery = 1000)
    {
        Products = kit.CreateTestProbe();
        Marketplace = kit.CreateTestProbe();
        var customers = kit.CreateTestProbe();
        customers.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            if (message is EnsureCustomer c) sender.Tell(new CustomerEnsured(c.CustomerId, 9));
            return AutoPilot.KeepRunning;
        }));
        var registry = ActorRegistry.For(kit.Sys);
        registry.Register<ProductRegion>(Products.Ref, overwrite: true);
        registry.Register<MarketplaceRegion>(Marketplace.Ref, overwrite: true);
        registry.Register<CustomerRegion>(customers.Ref, overwrite: true);
        Settings = SettingsFor(Sales, snapshotEvery);
    }

    public static OrderEntitySettings SettingsFor(ScriptedSales sales, int snapshotEvery = 1000)
    {
        var cartona = TestNode.Platforms.Open(new ConnectionSettings
        {
            Name = Connection, Platform = "cartona", BaseUrl = "http://127.0.0.1:9/api/v1/", Token = "t",
        });
        return new OrderEntitySettings(sales, new ScriptedOdoo(), OrderSyncPolicy.Default,
            new Dictionary<string, PlatformConnection> { [Connection] = cartona }, TimeSpan.FromMinutes(1), snapshotEvery, new ErpOrderWork(4));
    }

    public ScriptedSales Sales { get; } = new();
    public TestProbe Products { get; }
    public TestProbe Marketplace { get; }
    public OrderEntitySettings Settings { get; }

    public IActorRef Start(IActorRefFactory system, string orderId) => system.ActorOf(OrderEntity.PropsFor(orderId, Settings));

    /// <summary>A pending order of one line: two of the product listed under "51".</summary>
    public static MarketplaceOrder Pending(string id, string paymentMethod = "standard", bool requiresDeliveryCode = false) =>
        new(id, null, "pending", false, paymentMethod, requiresDeliveryCode, new OrderTotals(200, null),
            new MarketplaceCustomer("retailer_R1", "Retailer", null, null, null, null),
            [new OrderLine(11, "51", null, "Tea", 2, 100, null)], "Cartona Order " + id, "{}");
}
