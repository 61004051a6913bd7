using System.Diagnostics;
using CartonaActors.Domain.Products;
using CartonaActors.Engine.Erp;

namespace CartonaActors.Engine;

/// <summary>
/// The engine's trace spans ("CartonaActors.Sync"): a read of Odoo feeding products, a product (or a range of them)
/// accepting a change, and the bulk call that carries many changes to a marketplace. A read and a bulk call each
/// serve many requests, so each is a trace of its own linked to the spans that asked for it. With
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

    /// <summary>A product range accepting one feed's reads for the products it owns, under that feed.</summary>
    public static Activity? StartRangeAccept(string rangeId, int updates, string? traceParent)
    {
        if (!Source.HasListeners()) return null;
        ActivityContext.TryParse(traceParent, null, out var parent);
        return Detached(() => Source.StartActivity("range accept", ActivityKind.Internal, parent,
            [new("cartona.range.id", rangeId), new("cartona.items", updates)]));
    }

    /// <summary>One read of Odoo and the product updates it feeds: a trace of its own (a window of webhooks shares
    /// one read), linked to the requests that asked for it. Becomes the current activity, so the JSON-RPC calls and
    /// the updates' <c>TraceParent</c> fall under it: hence only through <see cref="InErpFeedAsync"/>.</summary>
    private static Activity? StartErpFeed(string source, IEnumerable<string> traceParents)
    {
        if (!Source.HasListeners()) return null;
        Activity.Current = null; // a root: whatever ran before on this flow is not this read's parent
        return Source.StartActivity("erp feed", ActivityKind.Internal, default(ActivityContext),
            [new("cartona.erp.source", source)], LinksTo(traceParents));
    }

    /// <summary>Runs <paramref name="feed"/> under an "erp feed" span and ends it with the outcome. The span is
    /// current only inside this async method: what an async method sets as current does not flow back to its
    /// caller, so the actor that started the feed keeps its own (none) on its thread.</summary>
    public static async Task<FeedResult> InErpFeedAsync(string source, IEnumerable<string> traceParents, Func<Task<FeedResult>> feed)
    {
        var span = StartErpFeed(source, traceParents);
        if (span is null) return await feed();
        try
        {
            var result = await feed();
            span.SetTag("cartona.variants", result.Variants);
            span.SetTag("cartona.changed", result.Changed);
            End(span, result.Changed > 0 ? "changed" : "unchanged");
            return result;
        }
        catch (Exception ex)
        {
            // The type only: an error's message may quote a request, and a span store is no place for its secrets.
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            End(span, "failed");
            throw;
        }
    }

    /// <summary>One bulk call to a marketplace: a trace of its own, linked to the changes it carries. Current on
    /// the calling thread (so the HTTP client's span falls under it) until <see cref="Detach"/>.</summary>
    public static Activity? StartPushBatch(string connection, string platform, IReadOnlyList<PushItem> items)
    {
        if (!Source.HasListeners()) return null;
        Activity.Current = null; // a root: whatever the thread last ran is not this call's parent
        return Source.StartActivity("push batch", ActivityKind.Internal, default(ActivityContext),
            [new("cartona.connection", connection), new("cartona.platform", platform), new("cartona.items", items.Count)],
            LinksTo(items.Select(i => i.Origin?.TraceParent)));
    }

    /// <summary>Links to the distinct contexts that parse, at most <see cref="MaxLinks"/> (read no further).</summary>
    private static List<ActivityLink> LinksTo(IEnumerable<string?> traceParents)
    {
        var links = new List<ActivityLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var traceParent in traceParents)
        {
            if (links.Count >= MaxLinks) break;
            if (traceParent is not null && seen.Add(traceParent) && ActivityContext.TryParse(traceParent, null, out var context))
                links.Add(new ActivityLink(context));
        }
        return links;
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
