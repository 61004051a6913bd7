using CartonaActors.Sandbox.Ebay.Api;
using CartonaActors.Sandbox.Ebay.Auth;
using CartonaActors.Sandbox.Ebay.State;
using CartonaActors.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace CartonaActors.Sandbox.Ebay;

/// <summary>
/// An eBay seller account's Sell APIs over real HTTP on loopback: OAuth refresh-token grant with 2-hour user tokens,
/// Inventory bulkUpdatePriceQuantity (25 per call, 200/207 with per-entry errors, 250 revisions per listing per Pacific
/// day) and getOffers, Fulfillment getOrders (percent-encoded filters, limit ≤ 200, unstable offset paging), getOrder and shipping
/// fulfilments (not idempotent), Post-Order seller cancellation with eligibility, daily quotas per API (429), and
/// scripted faults. Built from eBay's documented contract alone; it shares no code with our eBay client, so it judges it.
/// </summary>
public sealed class EbayEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EbayCallLog _log;
    private readonly EbayTokenStore _tokens;
    private int _disposed;

    private EbayEmulator(WebApplication app, EbayEmulatorOptions options, EbayStore store, EbayFaults faults, EbayCounters counters,
        EbayCallLog log, EbayTokenStore tokens, string baseUrl)
    {
        _app = app;
        Options = options;
        Catalog = new EbayCatalog(store, options);
        Orders = new EbayOrderBook(store);
        Faults = faults;
        Counters = counters;
        _log = log;
        _tokens = tokens;
        BaseUrl = baseUrl;
    }

    /// <summary>The API root with a trailing slash, e.g. "http://127.0.0.1:5123/".</summary>
    public string BaseUrl { get; }

    public string TokenUrl => BaseUrl + "identity/v1/oauth2/token";

    public EbayEmulatorOptions Options { get; }
    public EbayCatalog Catalog { get; }
    public EbayOrderBook Orders { get; }
    public EbayFaults Faults { get; }
    public EbayCounters Counters { get; }

    /// <summary>Every answered request, oldest first (a snapshot).</summary>
    public IReadOnlyList<EbayRecordedCall> Calls => _log.Snapshot();

    /// <summary>A user access token as a refresh would give, without the HTTP round trip.</summary>
    public (string AccessToken, DateTimeOffset ExpiresAt) IssueAccessToken() => _tokens.Issue();

    public void ClearCalls() => _log.Clear();

    public static Task<EbayEmulator> StartAsync(EbayEmulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, loggerFactory: null, ct);

    public static async Task<EbayEmulator> StartAsync(EbayEmulatorOptions options, ILoggerFactory? loggerFactory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var app = LoopbackHost.Build(typeof(EbayEmulator), options.Port, loggerFactory);
        var store = new EbayStore(options);
        var faults = new EbayFaults();
        var counters = new EbayCounters();
        var log = new EbayCallLog();
        var tokens = new EbayTokenStore(options, faults, counters);
        // Links in answers need the base URL, known only once Kestrel has bound its port, so the handler is built after
        // start; nobody can call before StartAsync returns the address.
        EbayRequestHandler? handler = null;
        app.Run(context => handler!.HandleAsync(context));
        var address = await LoopbackHost.StartAsync(app, ct) + "/";
        handler = new EbayRequestHandler(options, tokens, faults, counters, log, new BulkUpdatePriceQuantity(options, store, faults, counters),
            new GetOffers(options, store, address),
            new GetOrders(options, store, faults, address), new OrderEndpoints(options, store, address), new Cancellations(options, store));
        return new EbayEmulator(app, options, store, faults, counters, log, tokens, address);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
