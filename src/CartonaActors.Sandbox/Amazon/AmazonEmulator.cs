using CartonaActors.Sandbox.Amazon.Api;
using CartonaActors.Sandbox.Amazon.Auth;
using CartonaActors.Sandbox.Amazon.Feeds;
using CartonaActors.Sandbox.Amazon.State;
using CartonaActors.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace CartonaActors.Sandbox.Amazon;

/// <summary>
/// An Amazon seller account's Selling Partner API over real HTTP on loopback: LWA refresh-token grants and one-hour access
/// tokens, per-operation token buckets (429 QuotaExceeded without Retry-After), Listings Items patches accepted then
/// applied asynchronously, the Feeds lifecycle with JSON_LISTINGS_FEED processing reports and the 5-per-5-minutes quota,
/// order acknowledgement (seller cancel) feeds, Orders 2026-01-01 search with the two-minute rule and 24-hour tokens, v0
/// shipment confirmation, and scripted faults. Built from Amazon's published models alone; it shares no code with our
/// Amazon client, so it judges that client.
/// </summary>
public sealed class AmazonEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AmazonCallLog _log;
    private readonly FeedsEndpoint _feeds;
    private readonly Later _later;
    private int _disposed;

    private AmazonEmulator(WebApplication app, AmazonEmulatorOptions options, SellerState state, AmazonFaults faults, AmazonCounters counters,
        AmazonCallLog log, FeedsEndpoint feeds, Later later, string baseUrl)
    {
        _app = app;
        Options = options;
        Catalog = new AmazonCatalog(state);
        Orders = new AmazonOrderBook(state);
        Faults = faults;
        Counters = counters;
        _log = log;
        _feeds = feeds;
        _later = later;
        BaseUrl = baseUrl;
    }

    /// <summary>The SP-API host root with a trailing slash (e.g. <c>listings/2021-08-01/…</c> is under it).</summary>
    public string BaseUrl { get; }

    /// <summary>Login with Amazon on the same loopback host.</summary>
    public string TokenUrl => BaseUrl + "auth/o2/token";

    public AmazonEmulatorOptions Options { get; }
    public AmazonCatalog Catalog { get; }
    public AmazonOrderBook Orders { get; }
    public AmazonFaults Faults { get; }
    public AmazonCounters Counters { get; }

    /// <summary>Every answered request, oldest first (a snapshot).</summary>
    public IReadOnlyList<AmazonRecordedCall> Calls => _log.Snapshot();

    /// <summary>Every feed created, in creation order (a snapshot).</summary>
    public IReadOnlyList<AmazonFeedRecord> Feeds => _feeds.Records();

    public void ClearCalls() => _log.Clear();

    public static Task<AmazonEmulator> StartAsync(AmazonEmulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, loggerFactory: null, ct);

    public static async Task<AmazonEmulator> StartAsync(AmazonEmulatorOptions options, ILoggerFactory? loggerFactory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var app = LoopbackHost.Build(typeof(AmazonEmulator), options.Port, loggerFactory);
        var state = new SellerState(options.Clock);
        var tokens = new LwaTokenStore(options);
        var faults = new AmazonFaults(tokens);
        var counters = new AmazonCounters();
        var log = new AmazonCallLog();
        var later = new Later();
        var documents = new DocumentStore(options);
        var feeds = new FeedsEndpoint(options, documents, new FeedQuota(options), new ListingsFeedRunner(options, state, faults),
            new AcknowledgementFeedRunner(options, state), faults, counters, later);
        string? address = null;
        var handler = new AmazonRequestHandler(options, tokens, new OperationLimiter(options), documents,
            new ListingsEndpoint(options, state, faults, counters, later), feeds, new OrdersEndpoint(options, state, counters),
            new ShipmentEndpoint(options, state), faults, counters, log, () => address!);
        app.Run(handler.HandleAsync);
        try
        {
            address = await LoopbackHost.StartAsync(app, ct) + "/";
        }
        catch
        {
            await later.DisposeAsync();
            throw;
        }
        return new AmazonEmulator(app, options, state, faults, counters, log, feeds, later, address);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _later.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
