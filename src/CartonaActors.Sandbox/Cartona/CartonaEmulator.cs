using CartonaActors.Sandbox.Hosting;
using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// A Cartona supplier-integrations API over real HTTP on loopback: auth, per-token rate limit, bulk-update with
/// per-item validation (visible or silent), product listing, orders (ack-queue pull, status state machine with
/// OTP and cancellation rules, line edits), and scripted faults. It follows the platform's
/// behaviour and the PROPOSAL contract (marketplaces.md §1.8), so a client tested against it meets the same
/// refusals it would meet in production.
/// </summary>
public sealed class CartonaEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CallRecorder _recorder;

    private CartonaEmulator(WebApplication app, CartonaEmulatorOptions options, CartonaCatalog catalog,
        CartonaOrderBook orders, CartonaFaults faults, CallRecorder recorder, string baseUrl)
    {
        _app = app;
        Options = options;
        Catalog = catalog;
        Orders = orders;
        Faults = faults;
        _recorder = recorder;
        BaseUrl = baseUrl;
    }

    /// <summary>API root with a trailing slash, e.g. <c>http://127.0.0.1:54321/api/v1/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The options in force; rate, batch size, auth status and modes may be changed while running.</summary>
    public CartonaEmulatorOptions Options { get; }

    /// <summary>The supplier's products as the platform holds them.</summary>
    public CartonaCatalog Catalog { get; }

    /// <summary>The suppliers' orders; the test plays the retailer's and Cartona's side through it.</summary>
    public CartonaOrderBook Orders { get; }

    /// <summary>Scripted failures for the next requests.</summary>
    public CartonaFaults Faults { get; }

    /// <summary>Every answered request, oldest first (a snapshot).</summary>
    public IReadOnlyList<RecordedCall> Calls => _recorder.Snapshot();

    /// <summary>Raised once per bulk-update row applied, on the request's thread, before the response is sent.</summary>
    public event Action<AppliedItem>? ItemApplied;

    /// <summary>Forgets recorded calls, e.g. after seeding through the API.</summary>
    public void ClearCalls() => _recorder.Clear();

    /// <summary>Starts an emulator with logging discarded.</summary>
    public static Task<CartonaEmulator> StartAsync(CartonaEmulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, loggerFactory: null, ct);

    /// <summary>Starts an emulator whose web host logs into <paramref name="loggerFactory"/> (null discards logs).</summary>
    public static async Task<CartonaEmulator> StartAsync(
        CartonaEmulatorOptions options, ILoggerFactory? loggerFactory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var app = LoopbackHost.Build(typeof(CartonaEmulator), options.Port, loggerFactory);
        var catalog = new CartonaCatalog();
        var tokens = options.Tokens.ToFrozenSet(StringComparer.Ordinal);
        var orders = new CartonaOrderBook(tokens, TimeProvider.System);
        var faults = new CartonaFaults();
        var recorder = new CallRecorder();
        CartonaEmulator? emulator = null;
        var handler = new CartonaRequestHandler(options, tokens, catalog, orders,
            faults, recorder, applied => emulator?.Announce(applied), TimeProvider.System,
            app.Lifetime.ApplicationStopping);
        app.Run(handler.HandleAsync);

        var address = await LoopbackHost.StartAsync(app, ct);

        emulator = new CartonaEmulator(app, options, catalog, orders, faults, recorder,
            address + CartonaRequestHandler.ApiRoot);
        return emulator;
    }

    /// <summary>Stops listening; held (timeout-fault) requests are released.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Announce(IReadOnlyList<AppliedItem> applied) => Observers.Notify(ItemApplied, applied);
}
