using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Engine.Tests;

/// <summary>The figures one bulk call's verdict, a pause, an order or a drift become, read with a
/// <see cref="MeterListener"/> as any exporter would, and the labels they carry.</summary>
public sealed class SyncMetricsSpecs : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0);

    // Unique per test: other engine specs' actor systems run the same meter in this process meanwhile.
    private readonly string _connection = "metrics-" + Guid.NewGuid().ToString("N")[..8];
    private readonly SyncMetrics _metrics = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measured = new();

    public SyncMetricsSpecs()
    {
        _metrics.Know(_connection, "Cartona");
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SyncMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Note(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Note(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Note(i, v, tags));
        _listener.Start();
    }

    private void Note(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new Dictionary<string, object?>();
        foreach (var tag in tags) labels[tag.Key] = tag.Value;
        if (Equals(labels.GetValueOrDefault("connection"), _connection)) _measured.Enqueue((instrument.Name, value, labels));
    }

    private double Sum(string instrument) => _measured.Where(m => m.Instrument == instrument).Sum(m => m.Value);

    private IReadOnlyList<double> Values(string instrument) => _measured.Where(m => m.Instrument == instrument).Select(m => m.Value).ToList();

    private PushItem Item(int n, long version, ChangeOrigin? origin) =>
        new($"sku-{n}", _connection, new ListingRef("InternalProductId", n.ToString()), new PushedValues(n, false, n), version, origin);

    private PushVerdict Decide(IReadOnlyList<PushItem> items, CallOutcome outcome) =>
        PushVerdicts.Decide(_connection, items, outcome, new PushPace(8, 0), 8, Backoff, 0, Now);

    [Fact]
    public void A_delivered_call_counts_confirmed_and_refused_items_and_each_change_once_in_the_latency()
    {
        var items = new[]
        {
            Item(1, 3, new ChangeOrigin(3, Now.AddSeconds(-0.4), null)),
            Item(2, 5, new ChangeOrigin(5, Now.AddSeconds(-2), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")),
            Item(3, 4, new ChangeOrigin(6, Now.AddSeconds(-9), null)), // a newer version is on its way: its confirmation says when
            Item(4, 2, null),                                           // sent again after a restart: no accept time known
            Item(5, 7, new ChangeOrigin(7, Now.AddSeconds(-1), null)),  // refused
        };

        _metrics.BatchSent(_connection, items.Length);
        _metrics.BatchSettled(_connection, Decide(items, new CallOutcome.Accepted([new ItemRejection(4, "product not found")], true)), Now);

        Assert.Equal(1, Sum("cartona.sync.push.calls"));
        Assert.Equal(5, Sum("cartona.sync.push.items"));
        Assert.Equal(4, Sum("cartona.sync.push.confirmed"));
        Assert.Equal(1, Sum("cartona.sync.push.refused"));
        Assert.Equal(0, Sum("cartona.sync.push.failed_calls"));
        Assert.Equal([0.4, 2.0], Values("cartona.sync.change_to_confirm").Select(v => Math.Round(v, 3)).Order());
        // Only the connection's name and its platform, whatever the instrument.
        Assert.All(_measured, m => Assert.Equal(["connection", "platform"], m.Tags.Keys.Order()));
        Assert.All(_measured, m => Assert.Equal("cartona", m.Tags["platform"]));
    }

    [Fact]
    public void A_failed_call_counts_by_kind_and_a_429_counts_as_a_rate_limit_pause()
    {
        var items = new[] { Item(1, 1, null), Item(2, 1, null) };
        _metrics.BatchSettled(_connection, Decide(items, new CallOutcome.RateLimited(TimeSpan.FromSeconds(3))), Now);
        _metrics.BatchSettled(_connection, Decide(items, new CallOutcome.TransientFailure("503")), Now);
        _metrics.RateLimited(_connection);
        _metrics.Paused(_connection, "rate_limited", TimeSpan.FromSeconds(3));
        _metrics.Paused(_connection, "backoff", TimeSpan.Zero); // no wait, nothing to count

        var failed = _measured.Where(m => m.Instrument == "cartona.sync.push.failed_calls").Select(m => (string)m.Tags["kind"]!).Order();
        Assert.Equal(["rate_limited", "transient_failure"], failed);
        Assert.Equal(0, Sum("cartona.sync.push.confirmed"));
        Assert.Equal(1, Sum("cartona.sync.pacing.rate_limited"));
        var paused = Assert.Single(_measured, m => m.Instrument == "cartona.sync.pacing.paused");
        Assert.Equal((3.0, "rate_limited"), (paused.Value, paused.Tags["reason"]));
    }

    [Fact]
    public void Orders_count_by_outcome_and_drift_by_items()
    {
        _metrics.Order(_connection, "imported");
        _metrics.Order(_connection, "imported");
        _metrics.Order(_connection, "held");
        _metrics.Drifted(_connection, 3);
        _metrics.Drifted(_connection, 0);

        var orders = _measured.Where(m => m.Instrument == "cartona.sync.orders").GroupBy(m => (string)m.Tags["outcome"]!)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<string, double> { ["imported"] = 2, ["held"] = 1 }, orders);
        Assert.Equal([3.0], Values("cartona.sync.read_back.drifted"));
    }

    [Fact]
    public void The_buffer_gauges_report_what_each_connection_last_said_until_it_stops()
    {
        _metrics.BufferOf(_connection).Set(waiting: 12, inFlight: 4);
        _listener.RecordObservableInstruments();
        Assert.Equal([12.0], Values("cartona.sync.buffer.waiting"));
        Assert.Equal([4.0], Values("cartona.sync.buffer.in_flight"));

        _metrics.Forget(_connection);
        _listener.RecordObservableInstruments();
        Assert.Single(Values("cartona.sync.buffer.waiting"));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }
}
