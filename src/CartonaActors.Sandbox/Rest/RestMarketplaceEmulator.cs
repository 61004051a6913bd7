using CartonaActors.Sandbox.Hosting;
using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// A generic Bearer-token REST marketplace over real HTTP on loopback: per-token rate limit with IETF RateLimit
/// headers, inventory and price batches with per-item results and version-guarded writes, Idempotency-Key
/// replays, an order feed paged by (updated_at, id) cursor, the order status machine, and scripted faults. It
/// implements the written contract on its own, sharing no code with any client, so a client tested against it
/// meets the contract rather than its own reading of it.
/// </summary>
public sealed class RestMarketplaceEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RestCallLog _log;
    private int _disposed;

    private RestMarketplaceEmulator(WebApplication app, RestMarketplaceEmulatorOptions options, RestCatalog catalog,
        RestOrderBook orders, RestFaults faults, RestEmulatorCounters counters, RestCallLog log, string baseUrl)
    {
        _app = app;
        Options = options;
        Catalog = catalog;
        Orders = orders;
        Faults = faults;
        Counters = counters;
        _log = log;
        BaseUrl = baseUrl;
    }

    /// <summary>Server root with a trailing slash, e.g. <c>http://127.0.0.1:54321/</c>; API paths are under <c>v1/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The options in force; rate, burst, batch size, idempotency and modes may be changed while running.</summary>
    public RestMarketplaceEmulatorOptions Options { get; }

    /// <summary>The seller's products as the marketplace holds them.</summary>
    public RestCatalog Catalog { get; }

    /// <summary>The marketplace's orders; the test plays the buyer's and the marketplace's side through it.</summary>
    public RestOrderBook Orders { get; }

    /// <summary>Scripted failures for the next requests, and standing per-item rejections.</summary>
    public RestFaults Faults { get; }

    /// <summary>Running totals: requests, 429s, items applied, stale items ignored, idempotent replays.</summary>
    public RestEmulatorCounters Counters { get; }

    /// <summary>Every answered request, oldest first (a snapshot).</summary>
    public IReadOnlyList<RestRecordedCall> Calls => _log.Snapshot();

    /// <summary>Raised once per batch item applied, on the request's thread, before the response is sent.</summary>
    public event Action<RestAppliedItem>? ItemApplied;

    /// <summary>Forgets recorded calls, e.g. after seeding through the API.</summary>
    public void ClearCalls() => _log.Clear();

    /// <summary>Starts an emulator with logging discarded.</summary>
    public static Task<RestMarketplaceEmulator> StartAsync(RestMarketplaceEmulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, loggerFactory: null, ct);

    /// <summary>Starts an emulator whose web host logs into <paramref name="loggerFactory"/> (null discards logs).</summary>
    public static async Task<RestMarketplaceEmulator> StartAsync(
        RestMarketplaceEmulatorOptions options, ILoggerFactory? loggerFactory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var app = LoopbackHost.Build(typeof(RestMarketplaceEmulator), options.Port, loggerFactory);
        var clock = options.Clock;
        var catalog = new RestCatalog();
        var orders = new RestOrderBook(clock);
        var faults = new RestFaults();
        var counters = new RestEmulatorCounters();
        var log = new RestCallLog();
        RestMarketplaceEmulator? emulator = null;
        var handler = new RestRequestHandler(options, options.Tokens.ToFrozenSet(StringComparer.Ordinal), catalog, orders,
            faults, log, counters, applied => emulator?.Announce(applied), clock, app.Lifetime.ApplicationStopping);
        app.Run(handler.HandleAsync);

        var address = await LoopbackHost.StartAsync(app, ct);
        emulator = new RestMarketplaceEmulator(app, options, catalog, orders, faults, counters, log, address + "/");
        return emulator;
    }

    /// <summary>Stops listening; held (delay and timeout fault) requests are dropped. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Announce(IReadOnlyList<RestAppliedItem> applied) => Observers.Notify(ItemApplied, applied);
}
