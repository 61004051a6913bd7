using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using CartonaActors.Domain.Pushes;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.Hosting;
using CartonaActors.Marketplaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CartonaActors.Engine.Tests;

/// <summary>
/// A real single-node cluster wired exactly like the service (same hosting extension), on a real SQL journal,
/// talking real HTTP to the marketplace emulator.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly IHost _host;

    private readonly int _pushSlices;

    private TestNode(IHost host, int pushSlices)
    {
        _host = host;
        _pushSlices = pushSlices;
        System = host.Services.GetRequiredService<ActorSystem>();
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        Products = registry.Get<ProductRegion>();
        Ranges = registry.Get<ProductRangeRegion>();
        Marketplaces = registry.Get<MarketplaceRegion>();
        Slices = registry.Get<PushSliceRegion>();
    }

    /// <summary>The platforms the service registers.</summary>
    public static readonly PlatformRegistry Platforms = new PlatformRegistry()
        .Add(new CartonaActors.Marketplaces.Cartona.CartonaPlatform())
        .Add(new CartonaActors.Marketplaces.Rest.RestPlatform())
        .Add(new CartonaActors.Marketplaces.Shopify.ShopifyPlatform())
        .Add(new CartonaActors.Marketplaces.Amazon.AmazonPlatform())
        .Add(new CartonaActors.Marketplaces.Ebay.EbayPlatform());

    public ActorSystem System { get; }
    public IActorRef Products { get; }
    public IActorRef Ranges { get; }
    public IActorRef Marketplaces { get; }
    public IActorRef Slices { get; }

    public string SliceOf(string connectionId, string productId) => PushSliceIds.Of(connectionId, productId, _pushSlices);

    public Task<FollowerPosition> FollowerAsync() =>
        _host.Services.GetRequiredService<ActorRegistry>().Get<ProductFollowerRegion>()
            .Ask<FollowerPosition>(new GetFollowerPosition(Engine.Products.ProductChangeFollower.Id), TimeSpan.FromSeconds(5));

    /// <summary>What the connection's push slice knows of the product: sent, confirmed, refused.</summary>
    public Task<PushEntryView> PushEntryAsync(string connectionId, string productId) =>
        Slices.Ask<PushEntryView>(new GetPushEntry(SliceOf(connectionId, productId), productId), TimeSpan.FromSeconds(5));

    public static Task<TestNode> StartAsync(CartonaActorsOptions options) => StartAsync(options, Platforms);

    /// <summary>A node with its own platforms (e.g. one whose clients read a clock the test moves).</summary>
    public static async Task<TestNode> StartAsync(CartonaActorsOptions options, PlatformRegistry platforms)
    {
        options.Cluster.Port = 0;
        options.Cluster.ActorSystemName = "cartona-test";
        var host = new HostBuilder()
            .ConfigureLogging(l => l.ClearProviders())
            .ConfigureServices(services => services.AddAkka(options.Cluster.ActorSystemName, akka => akka
                .AddHocon("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING", HoconAddMode.Prepend)
                .WithSyncEngine(options, platforms)))
            .Build();
        await host.StartAsync();
        var node = new TestNode(host, options.Sync.PushSlices);
        await node.WaitUntilUpAsync();
        return node;
    }

    private async Task WaitUntilUpAsync()
    {
        var up = new TaskCompletionSource();
        Cluster.Get(System).RegisterOnMemberUp(() => up.TrySetResult());
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>Options for a node whose one connection "cartona" points at the given emulator URL.</summary>
    public static CartonaActorsOptions Options(string baseUrl, string token, PersistenceOptions persistence) => new()
    {
        Persistence = persistence,
        Sync = new SyncOptions
        {
            DebounceQuietWindow = TimeSpan.FromMilliseconds(100),
            DebounceMaxDelay = TimeSpan.FromMilliseconds(500),
            RetryMinBackoff = TimeSpan.FromMilliseconds(100),
            RetryMaxBackoff = TimeSpan.FromSeconds(1),
            ResendAfter = TimeSpan.FromSeconds(10),
        },
        Connections =
        [
            new ConnectionSettings
            {
                Name = "cartona", Platform = "cartona", BaseUrl = baseUrl, Token = token,
                RequestsPerSecond = 50, Burst = 20, Timeout = TimeSpan.FromSeconds(5),
            },
        ],
    };
}
