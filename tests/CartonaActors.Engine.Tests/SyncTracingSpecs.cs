using System.Collections.Concurrent;
using System.Diagnostics;
using CartonaActors.Engine.Erp;

namespace CartonaActors.Engine.Tests;

/// <summary>The "erp feed" span: a root linked to the requests it serves, current inside the feed (so the Odoo calls
/// and the updates' trace parent fall under it) and never left current on the caller, an actor's thread.</summary>
public sealed class SyncTracingSpecs : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = s => s.Name == SyncTracing.SourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public SyncTracingSpecs()
    {
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private static string NewTraceParent() => $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01";

    [Fact]
    public async Task A_feed_is_current_inside_only_a_root_and_linked_to_at_most_MaxLinks_distinct_requests()
    {
        // Unique: other specs' feeds run through the same source in this process meanwhile.
        var source = "spec-" + Guid.NewGuid().ToString("N")[..8];
        var requests = Enumerable.Range(0, SyncTracing.MaxLinks + 8).Select(_ => NewTraceParent()).ToList();
        using var outer = new Activity("whatever the thread ran before").Start();
        var gate = new TaskCompletionSource();
        string? inside = null;

        var feed = SyncTracing.InErpFeedAsync(source, requests.Concat(requests), async () =>
        {
            inside = SyncTracing.CurrentTraceParent();
            await gate.Task;
            return new FeedResult(3, 1, 0);
        });
        Assert.Same(outer, Activity.Current); // the caller is not left under the feed while it runs
        gate.SetResult();
        await feed;
        Assert.Same(outer, Activity.Current);

        var span = Assert.Single(_stopped, s => Equals(s.GetTagItem("cartona.erp.source"), source));
        Assert.Equal(span.Id, inside);
        Assert.Equal(default, span.ParentSpanId);
        Assert.NotEqual(outer.TraceId, span.TraceId);
        Assert.Equal(requests.Take(SyncTracing.MaxLinks).Select(r => ActivityContext.Parse(r, null).SpanId), span.Links.Select(l => l.Context.SpanId));
        Assert.Equal(("changed", 3, 1), (span.GetTagItem("cartona.outcome"), span.GetTagItem("cartona.variants"), span.GetTagItem("cartona.changed")));
    }

    [Fact]
    public async Task A_failed_feed_ends_its_span_as_an_error_naming_only_the_exception_type()
    {
        var source = "spec-" + Guid.NewGuid().ToString("N")[..8];
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SyncTracing.InErpFeedAsync(source, [], () => throw new InvalidOperationException("api key abc123 refused")));

        var span = Assert.Single(_stopped, s => Equals(s.GetTagItem("cartona.erp.source"), source));
        Assert.Equal((ActivityStatusCode.Error, "InvalidOperationException", "failed"), (span.Status, span.StatusDescription, span.GetTagItem("cartona.outcome")));
        Assert.Empty(span.Links);
    }
}
