using Akka.Actor;
using Akka.Hosting;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;
using CartonaActors.Engine.Products;

namespace CartonaActors.Engine.Tests.Holds;

/// <summary>
/// A product entity that starts while its range still owns it waits for the range's baseline and keeps every
/// command meanwhile. A stop from its shard (passivation or a hand-off) in that wait must not lose an order's
/// hold or release: the next incarnation gets it.
/// </summary>
public sealed class ProductHoldStopSpecs : TestKit
{
    private const string ProductId = "42";
    private const string OrderId = "cartona/O1";
    private readonly TestProbe _ranges;
    private readonly TestProbe _region;

    public ProductHoldStopSpecs() : base(EngineTestKit.Config)
    {
        _ranges = CreateTestProbe();
        _region = CreateTestProbe();
        var registry = ActorRegistry.For(Sys);
        registry.Register<ProductRangeRegion>(_ranges.Ref);
        registry.Register<PushSliceRegion>(CreateTestProbe().Ref);
        registry.Register<ProductRegion>(_region.Ref);
    }

    [Fact]
    public void A_hold_stashed_while_the_range_answers_survives_a_stop_that_arrives_meanwhile()
    {
        var product = StartAdopting();
        product.Tell(new HoldOrderQuantity(ProductId, OrderId, "cartona", 3));
        // The baseline makes the entity write its adoption; the stop arrives while that write is under way.
        product.Tell(new ProductBaseline(ProductId, ProductState.Empty(ProductId) with { Version = 5, Price = 10m }));
        product.Tell(StopEntity.Instance);
        ExpectTerminated(product);

        Sys.ActorOf(ProductEntity.PropsFor(ProductId, EngineTestKit.ProductSettings)).Tell(new GetProduct(ProductId));
        Assert.Equal(3m, ExpectMsg<ProductState>().Holds.GetValueOrDefault(OrderId)?.Quantity);
    }

    [Fact]
    public void A_stop_while_the_range_has_not_answered_stops_at_once_and_hands_the_waiting_hold_to_the_next_incarnation()
    {
        var product = StartAdopting();
        var release = new ReleaseOrderQuantity(ProductId, OrderId);
        product.Tell(new HoldOrderQuantity(ProductId, OrderId, "cartona", 3));
        product.Tell(release);
        // The range may be moving too: a hand-off must not wait for its answer.
        product.Tell(StopEntity.Instance);
        ExpectTerminated(product);

        // Through the region, in order: the shard keeps them for the entity's next start.
        Assert.Equal(new HoldOrderQuantity(ProductId, OrderId, "cartona", 3), _region.ExpectMsg<HoldOrderQuantity>());
        Assert.Equal(release, _region.ExpectMsg<ReleaseOrderQuantity>());
    }

    private IActorRef StartAdopting()
    {
        var product = Sys.ActorOf(ProductEntity.PropsFor(ProductId, EngineTestKit.ProductSettings));
        Watch(product);
        _ranges.ExpectMsg<AdoptProduct>();
        return product;
    }
}
