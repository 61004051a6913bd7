using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CartonaActors.Sandbox.Cartona;
using CartonaActors.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace CartonaActors.Benchmarks;

/// <summary>The Cartona emulator (the proposal's limits: 5 req/s, burst 10, 1000 items per call) seeded with
/// internal ids 1..N, and the full service on loopback connected to it with one connection "cartona".</summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    private ServiceUnderTest(CartonaEmulator emulator, WebApplication app, Uri root, TimeSpan startup)
    {
        Emulator = emulator;
        App = app;
        Root = root;
        Startup = startup;
    }

    public CartonaEmulator Emulator { get; }
    public WebApplication App { get; }
    public Uri Root { get; }
    public TimeSpan Startup { get; }

    public static Task<ServiceUnderTest> StartAsync(int products, BenchDatabase database, LatencyTracker tracker) =>
        StartAsync(products, database, (item, now) =>
        {
            if (int.TryParse(item.InternalProductId, NumberStyles.None, CultureInfo.InvariantCulture, out var product))
                tracker.Applied(product, PriceCode.Decode(item.SellingPrice), now);
        });

    /// <param name="applied">Called for every item the marketplace applies, with the <see cref="Stopwatch"/> timestamp.</param>
    /// <param name="extra">More service settings (they win), e.g. the Odoo connector's; the connection is number 0.</param>
    public static async Task<ServiceUnderTest> StartAsync(int products, BenchDatabase database, Action<AppliedItem, long> applied,
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        var started = Stopwatch.GetTimestamp();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var emulator = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions
        {
            Tokens = new HashSet<string>(StringComparer.Ordinal) { token },
            RequestsPerSecond = 5,
            Burst = 10,
            MaxBatchSize = 1000,
            RecordRequestBodies = false,
        });
        emulator.Catalog.Seed(Enumerable.Range(1, products).Select(i => ((long)(100_000 + i), i.ToString(CultureInfo.InvariantCulture))));
        emulator.ItemApplied += item => applied(item, Stopwatch.GetTimestamp());

        var settings = new Dictionary<string, string?>
        {
            ["CartonaActors:LogLevel"] = "Warning",
            ["CartonaActors:Persistence:Provider"] = database.Provider.ToString(),
            ["CartonaActors:Persistence:ConnectionString"] = database.ConnectionString,
            ["CartonaActors:Cluster:Port"] = "0",
            ["CartonaActors:Connections:0:Name"] = "cartona",
            ["CartonaActors:Connections:0:Platform"] = "cartona",
            ["CartonaActors:Connections:0:BaseUrl"] = emulator.BaseUrl,
            ["CartonaActors:Connections:0:Token"] = token,
            ["CartonaActors:Connections:0:RequestsPerSecond"] = "5",
            ["CartonaActors:Connections:0:Burst"] = "10",
            ["CartonaActors:Connections:0:MaxBatchSize"] = "1000",
            ["CartonaActors:Connections:0:MaxConcurrentRequests"] = "2",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        WebApplication? app = null;
        try
        {
            app = await ServiceHost.BuildAsync(["--urls=http://127.0.0.1:0"],
                builder => builder.Configuration.AddInMemoryCollection(settings));
            await app.StartAsync();
            var root = new Uri(app.Urls.First().TrimEnd('/') + "/");
            return new ServiceUnderTest(emulator, app, root, Stopwatch.GetElapsedTime(started));
        }
        catch
        {
            if (app is not null) await app.DisposeAsync();
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls <c>/healthz/ready</c> every 100 ms until it answers 200.</summary>
    public static async Task WaitReadyAsync(IngressClient client, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await client.IsReadyAsync())
        {
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"/healthz/ready did not answer 200 within {timeout.TotalSeconds:0} s");
            await tick.WaitForNextTickAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }
}
