using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CartonaActors.Sandbox.Cartona;
using CartonaActors.Testing;

namespace CartonaActors.Benchmarks;

/// <summary>
/// The other side and the service under test: the Cartona emulator in this process (the proposal's limits: 5 req/s,
/// burst 10, 1000 items per call; internal ids 1..N), and the service as 1 or 3 real processes (built
/// CartonaActors.Service, configured only by environment variables, as in production) with one connection
/// "cartona" to it. Nodes keep their ports across restarts, so a restarted node is the same member.
/// </summary>
public sealed class BenchWorld : IAsyncDisposable
{
    public const string Connection = "cartona";

    /// <summary>Prefix of connection 0's keys as environment variables (<c>Settings:ClientId</c> is <c>Settings__ClientId</c>).</summary>
    public const string ConnectionKey = "CartonaActors__Connections__0__";
    public static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(180);
    private readonly Dictionary<string, string> _settings;
    private readonly ServiceProcess?[] _nodes;
    private readonly int[] _httpPorts, _remotingPorts;
    private long _applied;

    private BenchWorld(CartonaEmulator emulator, BenchDatabase database, int nodes, string logDir, string token,
        IReadOnlyDictionary<string, string> extra, ServiceMeter meter)
    {
        Emulator = emulator;
        Database = database;
        LogDir = logDir;
        Meter = meter;
        _nodes = new ServiceProcess?[nodes];
        var ports = FreePorts.Take(2 * nodes);
        _httpPorts = ports[..nodes];
        _remotingPorts = ports[nodes..];
        _settings = ServiceSettings(database);
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Name"] = Connection,
            ["Platform"] = "cartona",
            ["BaseUrl"] = emulator.BaseUrl,
            ["Token"] = token,
            ["RequestsPerSecond"] = "5",
            ["Burst"] = "10",
            ["MaxBatchSize"] = "1000",
            ["MaxConcurrentRequests"] = "2",
            ["PullOrders"] = "false",
        })
            _settings[ConnectionKey + key] = value;
        if (nodes > 1)
        {
            // Seed nodes = the first two, as ops/cluster.sh; keep-majority downs a silent node 5 s after it went quiet.
            _settings["CartonaActors__Cluster__SeedNodes__0"] = $"akka.tcp://cartona-actors@127.0.0.1:{_remotingPorts[0]}";
            _settings["CartonaActors__Cluster__SeedNodes__1"] = $"akka.tcp://cartona-actors@127.0.0.1:{_remotingPorts[1]}";
            _settings["CartonaActors__Cluster__SplitBrain__Strategy"] = "KeepMajority";
            _settings["CartonaActors__Cluster__SplitBrain__StableAfter"] = "00:00:05";
            // Items a killed node had in flight are sent again after this (the default 30 s only lengthens the run).
            _settings["CartonaActors__Sync__ResendAfter"] = "00:00:10";
        }
        foreach (var (key, value) in extra) _settings[key] = value;
    }

    /// <summary>What every benchmarked service process is given besides its connections: warnings only, the run's
    /// journal, loopback for the cluster.</summary>
    public static Dictionary<string, string> ServiceSettings(BenchDatabase database) => new()
    {
        ["CartonaActors__LogLevel"] = "Warning",
        ["CartonaActors__Persistence__Provider"] = database.Provider,
        ["CartonaActors__Persistence__ConnectionString"] = database.ConnectionString,
        ["CartonaActors__Cluster__Hostname"] = "127.0.0.1",
    };

    public CartonaEmulator Emulator { get; }
    public BenchDatabase Database { get; }
    public string LogDir { get; }
    public ServiceMeter Meter { get; }
    public int NodeCount => _nodes.Length;

    /// <summary>Items Cartona applied since the world started (every bulk row accepted).</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>Called for every item Cartona applies, with the <see cref="Stopwatch"/> timestamp; swapped per phase.</summary>
    public Action<AppliedItem, long>? OnApplied { get; set; }

    /// <summary>A second token the emulator accepts, for the baseline: its own rate bucket, as a second client.</summary>
    public string BaselineToken { get; private set; } = "";

    public ServiceProcess Node(int i) => _nodes[i] ?? throw new InvalidOperationException($"node {i} is not running");
    public bool IsRunning(int i) => _nodes[i] is { HasExited: false };
    public Uri Root(int i) => new($"http://127.0.0.1:{_httpPorts[i]}/");
    public IEnumerable<string> LogFiles => Enumerable.Range(0, NodeCount).Select(LogFile);

    /// <param name="extra">Service settings (environment variable names) that win over the defaults.</param>
    public static async Task<BenchWorld> StartAsync(int products, BenchDatabase database, ServiceMeter meter, int nodes = 1,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var baselineToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var emulator = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions
        {
            Tokens = new HashSet<string>(StringComparer.Ordinal) { token, baselineToken },
            RequestsPerSecond = 5,
            Burst = 10,
            MaxBatchSize = 1000,
            RecordRequestBodies = false,
        });
        emulator.Catalog.Seed(Enumerable.Range(1, products).Select(i => ((long)(100_000 + i), i.ToString(CultureInfo.InvariantCulture))));
        var logDir = Directory.CreateTempSubdirectory("cartona-bench-logs-").FullName;
        var world = new BenchWorld(emulator, database, nodes, logDir, token, extra ?? new Dictionary<string, string>(), meter)
        {
            BaselineToken = baselineToken,
        };
        emulator.ItemApplied += item =>
        {
            Interlocked.Increment(ref world._applied);
            world.OnApplied?.Invoke(item, Stopwatch.GetTimestamp());
        };
        return world;
    }

    /// <summary>Starts node <paramref name="i"/> (again, after a kill) on its ports; returns how long until ready.</summary>
    public async Task<TimeSpan> StartNodeAsync(int i)
    {
        if (_nodes[i] is { } old)
        {
            if (!old.HasExited) throw new InvalidOperationException($"node {i} is still running");
            await old.DisposeAsync();
        }
        var env = new Dictionary<string, string>(_settings) { ["CartonaActors__Cluster__Port"] = _remotingPorts[i].ToString(CultureInfo.InvariantCulture) };
        var started = Stopwatch.GetTimestamp();
        var node = ServiceProcess.Start($"node-{i}", env, Root(i), LogFile(i));
        _nodes[i] = node;
        Meter.Watch(node.Pid);
        await node.WaitReadyAsync(ReadyWithin);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Starts every node at once and waits until each is ready; returns the slowest node's time.</summary>
    public async Task<TimeSpan> StartAllAsync()
    {
        var times = await Task.WhenAll(Enumerable.Range(0, NodeCount).Select(StartNodeAsync));
        return times.Max();
    }

    /// <summary>A crash: SIGKILL, nothing flushed or handed over.</summary>
    public Task KillAsync(int i) => Node(i).KillAsync();

    private string LogFile(int i) => Path.Combine(LogDir, $"node-{i}.log");

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            if (node is not null)
            {
                try
                {
                    if (!node.HasExited) await node.StopAsync(TimeSpan.FromSeconds(30));
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
                {
                    // Killed by DisposeAsync below; the log keeps what it said.
                }
                await node.DisposeAsync();
            }
        await Emulator.DisposeAsync();
    }
}
