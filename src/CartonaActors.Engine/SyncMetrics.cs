using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Akka.Actor;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Engine;

/// <summary>
/// The engine's one <see cref="Meter"/> ("CartonaActors.Sync"): what was pushed, confirmed and refused, how long a
/// change took to show, what waits, how often the platforms made us wait, what became of orders, what read-backs
/// found changed. Labels are the connection's configured name and its platform, nothing else: never a credential,
/// a URL, a product id (one series per product would drown the scraper) or a message text. One per actor system
/// and gone with it, so two services in one process (tests) never add to each other's figures. Counting with
/// nobody listening costs a flag check.
/// </summary>
public sealed class SyncMetrics : IExtension, IDisposable
{
    public const string MeterName = "CartonaActors.Sync";

    /// <summary>From one ERP change to the marketplace's confirmation; the target is a p99 under 1 s.</summary>
    private static readonly double[] LatencyBuckets = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly Meter _meter = new(MeterName);
    private readonly ConcurrentDictionary<string, string> _platforms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KeyValuePair<string, object?>[]> _tags = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConnectionBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly Counter<long> _itemsSent;
    private readonly Counter<long> _callsSent;
    private readonly Counter<long> _confirmed;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _failedCalls;
    private readonly Histogram<double> _changeToConfirm;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<double> _paused;
    private readonly Counter<long> _orders;
    private readonly Counter<long> _drifted;

    /// <summary>Use <see cref="For"/> in an actor system; tests of the figures alone make their own.</summary>
    public SyncMetrics()
    {
        _itemsSent = _meter.CreateCounter<long>("cartona.sync.push.items", "{item}", "Products sent to a marketplace in bulk calls (a resend counts again)");
        _callsSent = _meter.CreateCounter<long>("cartona.sync.push.calls", "{call}", "Bulk push calls made to a marketplace");
        _confirmed = _meter.CreateCounter<long>("cartona.sync.push.confirmed", "{item}", "Products whose values the marketplace confirmed");
        _refused = _meter.CreateCounter<long>("cartona.sync.push.refused", "{item}", "Products the marketplace refused (not sent again until they change)");
        _failedCalls = _meter.CreateCounter<long>("cartona.sync.push.failed_calls", "{call}", "Bulk push calls that failed, by kind (rate_limited, transient_failure, ...)");
        _changeToConfirm = _meter.CreateHistogram("cartona.sync.change_to_confirm", "s",
            "From when a product accepted a change to when the marketplace confirmed it", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _rateLimited = _meter.CreateCounter<long>("cartona.sync.pacing.rate_limited", "{answer}", "429 answers from a marketplace");
        _paused = _meter.CreateCounter<double>("cartona.sync.pacing.paused", "s", "Time a connection was told to make no call, by reason (rate_limited, backoff)");
        _orders = _meter.CreateCounter<long>("cartona.sync.orders", "{order}", "Marketplace orders by outcome (imported, held, failed, status_pushed)");
        _drifted = _meter.CreateCounter<long>("cartona.sync.read_back.drifted", "{item}", "Confirmed products a read-back found showing other values, or not listed");
        _meter.CreateObservableGauge("cartona.sync.buffer.waiting", () => Observe(b => b.Waiting), "{item}",
            "Products (and order calls) waiting to be sent on a connection");
        _meter.CreateObservableGauge("cartona.sync.buffer.in_flight", () => Observe(b => b.InFlight), "{item}",
            "Products (and order calls) in calls not yet answered on a connection");
    }

    public static SyncMetrics For(ActorSystem system) => system.WithExtension<SyncMetrics, SyncMetricsId>();

    /// <summary>The platform of each configured connection, for the <c>platform</c> label.</summary>
    public void Know(string connection, string platform) => _platforms[connection] = platform.ToLowerInvariant();

    public string PlatformOf(string connection) => _platforms.GetValueOrDefault(connection, "unknown");

    /// <summary>The connection's live buffer figures; its marketplace entity writes them, a scrape reads them.</summary>
    public ConnectionBuffer BufferOf(string connection) => _buffers.GetOrAdd(connection, _ => new ConnectionBuffer());

    public void Forget(string connection) => _buffers.TryRemove(connection, out _);

    public void BatchSent(string connection, int items)
    {
        var tags = TagsOf(connection);
        _callsSent.Add(1, tags);
        _itemsSent.Add(items, tags);
    }

    /// <summary>What one bulk call's verdict means in figures; the latency counts each change once, when its own
    /// version (or a newer one) is confirmed.</summary>
    public void BatchSettled(string connection, PushVerdict verdict, DateTimeOffset now)
    {
        var tags = TagsOf(connection);
        if (verdict.Confirmed.Count > 0) _confirmed.Add(verdict.Confirmed.Count, tags);
        if (verdict.Rejected.Count > 0) _refused.Add(verdict.Rejected.Count, tags);
        if (verdict.Event is PushBatchFailed failed) _failedCalls.Add(1, With(tags, "kind", failed.Kind));
        if (!_changeToConfirm.Enabled) return;
        foreach (var item in verdict.Confirmed)
            if (item.Origin is { } origin && item.Version >= origin.Version)
                _changeToConfirm.Record(Math.Max(0, (now - origin.AcceptedAt).TotalSeconds), tags);
    }

    public void RateLimited(string connection) => _rateLimited.Add(1, TagsOf(connection));

    public void Paused(string connection, string reason, TimeSpan pause)
    {
        if (pause > TimeSpan.Zero) _paused.Add(pause.TotalSeconds, With(TagsOf(connection), "reason", reason));
    }

    public void Order(string connection, string outcome) => _orders.Add(1, With(TagsOf(connection), "outcome", outcome));

    public void Drifted(string connection, int items)
    {
        if (items > 0) _drifted.Add(items, TagsOf(connection));
    }

    private KeyValuePair<string, object?>[] TagsOf(string connection) =>
        _tags.GetOrAdd(connection, c => [new("connection", c), new("platform", PlatformOf(c))]);

    private static TagList With(KeyValuePair<string, object?>[] tags, string key, string value) =>
        new([tags[0], tags[1], new(key, value)]);

    private IEnumerable<Measurement<int>> Observe(Func<ConnectionBuffer, int> figure) =>
        _buffers.Select(kv => new Measurement<int>(figure(kv.Value), TagsOf(kv.Key)));

    public void Dispose() => _meter.Dispose();
}

/// <summary>What waits and what is in flight on one connection, as its entity last saw it.</summary>
public sealed class ConnectionBuffer
{
    private int _waiting;
    private int _inFlight;

    public int Waiting => Volatile.Read(ref _waiting);
    public int InFlight => Volatile.Read(ref _inFlight);

    public void Set(int waiting, int inFlight)
    {
        Volatile.Write(ref _waiting, waiting);
        Volatile.Write(ref _inFlight, inFlight);
    }
}

public sealed class SyncMetricsId : ExtensionIdProvider<SyncMetrics>
{
    public override SyncMetrics CreateExtension(ExtendedActorSystem system)
    {
        var metrics = new SyncMetrics();
        // Gone with the system: a later system in the same process starts from zero.
        system.RegisterOnTermination(metrics.Dispose);
        return metrics;
    }
}
