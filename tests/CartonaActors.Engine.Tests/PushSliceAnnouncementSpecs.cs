using Akka.Actor;
using Akka.Hosting;
using Akka.TestKit.Xunit2;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Engine.Marketplaces;

namespace CartonaActors.Engine.Tests;

/// <summary>A slice's "I have products to send" can be lost (a shard hand-off drops buffered messages, the
/// marketplace entity's node dies): the slice says it again while anything waits, so nothing stays unsent.</summary>
public sealed class PushSliceAnnouncementSpecs
{
    [Fact]
    public async Task A_slice_with_waiting_products_says_so_again_after_its_announcement_is_lost()
    {
        await using var cartona = await Emulators.CartonaAsync(5);
        await using var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite()));
        using var kit = new TestKit(node.System);
        var marketplace = kit.CreateTestProbe();
        // A slice outside the connection's regular ones, talking to a probe in the marketplace entity's place.
        ActorRegistry.For(node.System).Register<MarketplaceRegion>(marketplace.Ref, overwrite: true);
        var slice = node.System.ActorOf(PushSliceEntity.PropsFor("cartona#999", TimeSpan.FromMinutes(5)));

        slice.Tell(new OfferPush("cartona#999", "sku-1", 1, new ListingRef("InternalProductId", "1"), new PushedValues(5m, false, 3)), kit.TestActor);
        kit.ExpectMsg<PushOfferStored>(TimeSpan.FromSeconds(10));
        var first = marketplace.FishForMessage<PushesWaiting>(m => m.Waiting == 1, TimeSpan.FromSeconds(10));
        Assert.Equal("cartona#999", first.SliceId);

        // Nobody answers the first announcement, as if it was lost: the slice repeats it.
        var again = marketplace.FishForMessage<PushesWaiting>(m => m.Waiting == 1, TimeSpan.FromSeconds(15));
        Assert.Equal("cartona#999", again.SliceId);
    }
}
