using System.Collections.Concurrent;
using System.Net.Http.Json;
using CartonaActors.Sandbox.Cartona;
using CartonaActors.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace CartonaActors.Service.Tests;

/// <summary>The real service on loopback (Kestrel, Akka cluster, SQL journal) with one Cartona connection.</summary>
public sealed class TestService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestService(WebApplication app, CapturedLog log)
    {
        _app = app;
        Log = log;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }
    public CapturedLog Log { get; }

    /// <summary>The host's services, to read what it holds (the node's sync log, its endpoints).</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="customize">More for the host before it is built (an in-memory trace exporter).</param>
    public static async Task<TestService> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? customize = null)
    {
        var log = new CapturedLog();
        var defaults = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["CartonaActors:Cluster:Port"] = "0",
            ["CartonaActors:LogLevel"] = "Information",
        };
        foreach (var (k, v) in settings) defaults[k] = v;
        var app = await ServiceHost.BuildAsync([], b =>
        {
            b.Configuration.AddInMemoryCollection(defaults);
            customize?.Invoke(b);
        }, l => l.WriteTo.Sink(log));
        await app.StartAsync();
        var service = new TestService(app, log);
        await service.WaitUntilReadyAsync();
        return service;
    }

    /// <summary>Settings for one connection "cartona" to the emulator, journal on a fresh SQLite file.</summary>
    public static Dictionary<string, string?> Settings(CartonaEmulator cartona, string token) => new()
    {
        ["CartonaActors:Persistence:Provider"] = "Sqlite",
        ["CartonaActors:Persistence:ConnectionString"] =
            $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("cartona-service-").FullName, "journal.db")}",
        ["CartonaActors:Connections:0:Name"] = "cartona",
        ["CartonaActors:Connections:0:Platform"] = "cartona",
        ["CartonaActors:Connections:0:BaseUrl"] = cartona.BaseUrl,
        ["CartonaActors:Connections:0:Token"] = token,
    };

    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await Http.GetAsync("/healthz/ready")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("service not ready within 60 s");
            await Task.Delay(100);
        }
    }

    public Task<HttpResponseMessage> PutProductAsync(string id, object body) => Http.PutAsJsonAsync($"/api/products/{id}", body);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Every log event the service writes, rendered with its properties, for secret checks.</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    private const int Limit = 50_000;

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage()} {properties} {logEvent.Exception}");
        while (_lines.Count > Limit) _lines.TryDequeue(out _);
    }

    public IReadOnlyList<string> Lines => _lines.ToArray();
}
