using System.Diagnostics;
using CartonaActors.Domain.Products;

namespace CartonaActors.Engine;

/// <summary>
/// The engine's trace spans ("CartonaActors.Sync"): a product accepting a change, and the bulk call that carries
/// many changes to a marketplace, linked to each change's span (batching makes many traces share one call). With
/// no listener every start returns null before anything is allocated. Spans never become the actor thread's
/// current activity beyond the call that needs it: the next message on that thread belongs to another trace.
/// </summary>
public static class SyncTracing
{
    public const string SourceName = "CartonaActors.Sync";

    /// <summary>More links than this add nothing a reader can follow; a full bulk call carries hundreds of changes.</summary>
    public const int MaxLinks = 32;

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current activity's W3C context, to carry on a message; null when it is not recorded.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { Recorded: true, IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>A product accepting a change, under the request that brought it (when it carried a context).</summary>
    public static Activity? StartAccept(string productId, string? traceParent)
    {
        if (!Source.HasListeners()) return null;
        ActivityContext.TryParse(traceParent, null, out var parent);
        return Detached(() => Source.StartActivity("product accept", ActivityKind.Internal, parent,
            [new("cartona.product.id", productId)]));
    }

    /// <summary>One bulk call to a marketplace: a trace of its own, linked to the changes it carries. Current on
    /// the calling thread (so the HTTP client's span falls under it) until <see cref="Detach"/>.</summary>
    public static Activity? StartPushBatch(string connection, string platform, IReadOnlyList<PushItem> items)
    {
        if (!Source.HasListeners()) return null;
        var links = new List<ActivityLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (links.Count >= MaxLinks) break;
            if (item.Origin?.TraceParent is { } traceParent && seen.Add(traceParent)
                && ActivityContext.TryParse(traceParent, null, out var change))
                links.Add(new ActivityLink(change));
        }
        Activity.Current = null; // a root: whatever the thread last ran is not this call's parent
        return Source.StartActivity("push batch", ActivityKind.Internal, default(ActivityContext),
            [new("cartona.connection", connection), new("cartona.platform", platform), new("cartona.items", items.Count)], links);
    }

    /// <summary>Ends the span's time as the thread's current activity, leaving it running.</summary>
    public static void Detach(Activity? span)
    {
        if (span is not null && Activity.Current == span) Activity.Current = null;
    }

    /// <summary>Stops a span without changing what is current on this thread.</summary>
    public static void End(Activity? span, string? outcome = null)
    {
        if (span is null) return;
        if (outcome is not null) span.SetTag("cartona.outcome", outcome);
        Detached(() =>
        {
            span.Dispose();
            return span;
        });
    }

    /// <summary>Runs <paramref name="act"/> with no current activity (a span without an explicit parent is a root)
    /// and puts back what was current.</summary>
    private static Activity? Detached(Func<Activity?> act)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        var span = act();
        Activity.Current = previous;
        return span;
    }
}
