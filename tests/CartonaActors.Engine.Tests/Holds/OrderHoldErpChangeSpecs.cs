using Akka.TestKit.Xunit2;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;

namespace CartonaActors.Engine.Tests.Holds;

/// <summary>
/// An order keeps its quantities off the marketplace's stock until the ERP order is confirmed. The ERP may confirm
/// it while the import that created it is still being recorded: that change must still release the hold.
/// </summary>
public sealed class OrderHoldErpChangeSpecs() : TestKit(EngineTestKit.Config)
{
    private const string OrderId = OrderWorld.Connection + "/A1";

    [Fact]
    public async Task An_ERP_confirmation_seen_before_the_sale_order_id_is_recorded_releases_the_hold()
    {
        var world = new OrderWorld(this);
        var readAfterCreate = world.Sales.HoldNextRead();
        var order = world.Start(Sys, OrderId);
        order.Tell(new ReceiveMarketplaceOrder(OrderId, OrderWorld.Pending("A1")), TestActor);
        ExpectMsg<OrderVersionStored>();
        world.Products.ExpectMsg<HoldOrderQuantity>(h => h.ProductId == "51" && h.Quantity == 2);

        // The import created the sale order and reads it back; meanwhile someone confirms it in the ERP.
        await AwaitConditionAsync(() => Task.FromResult(world.Sales.ReadsStarted == 1));
        order.Tell(new ErpOrderChanged(OrderId, "sale", false, []), TestActor);
        readAfterCreate.SetResult(); // the read it started before the confirmation: still draft

        world.Products.ExpectMsg<ReleaseOrderQuantity>(r => r.ProductId == "51" && r.OrderId == OrderId);
    }

    [Fact]
    public async Task A_stop_asked_for_during_the_import_waits_until_that_early_ERP_change_is_recorded()
    {
        var world = new OrderWorld(this);
        var readAfterCreate = world.Sales.HoldNextRead();
        var order = world.Start(Sys, OrderId);
        Watch(order);
        order.Tell(new ReceiveMarketplaceOrder(OrderId, OrderWorld.Pending("A1")), TestActor);
        ExpectMsg<OrderVersionStored>();
        world.Products.ExpectMsg<HoldOrderQuantity>();

        await AwaitConditionAsync(() => Task.FromResult(world.Sales.ReadsStarted == 1));
        order.Tell(new ErpOrderChanged(OrderId, "sale", false, []), TestActor);
        order.Tell(StopEntity.Instance, TestActor); // passivation or a hand-off
        readAfterCreate.SetResult();

        world.Products.ExpectMsg<ReleaseOrderQuantity>(r => r.OrderId == OrderId);
        ExpectTerminated(order);
        var again = world.Start(Sys, OrderId);
        again.Tell(new GetOrder(OrderId), TestActor);
        Assert.Equal("sale", ExpectMsg<OrderState>().ErpState);
    }
}
