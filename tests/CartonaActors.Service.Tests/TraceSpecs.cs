using System.Diagnostics;
using CartonaActors.Engine;
using CartonaActors.Service.Telemetry;
using OpenTelemetry.Trace;

namespace CartonaActors.Service.Tests;

/// <summary>One change's trace through the real service, collected by an in-memory exporter: the ingress request,
/// the product's accept under it, and the bulk call (linked to the accept, since one call carries many changes)
/// with the HTTP request to the Cartona emulator under it.</summary>
public sealed class TraceSpecs() : CartonaServiceSpecs(Token)
{
    private const string Token = "trace-token-6a2f10";
    private readonly List<Activity> _spans = [];

    protected override Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder> Customize =>
        builder => builder.Services.AddServiceTracing(tracing => tracing.AddInMemoryExporter(_spans));

    [Fact]
    public async Task A_product_change_is_traced_from_the_ingress_to_the_marketplace_call()
    {
        (await Service.PutProductAsync("sku-t", new { price = 4.5, listings = new[] { new { connection = "cartona", internalProductId = "1" } } }))
            .EnsureSuccessStatusCode();

        Activity? ingress = null, accept = null, batch = null, call = null;
        await Until.TrueAsync(() =>
        {
            var spans = Spans();
            ingress = spans.FirstOrDefault(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("url.path"), "/api/products/sku-t"));
            accept = spans.FirstOrDefault(s => s.Source.Name == SyncTracing.SourceName && s.DisplayName == "product accept");
            batch = spans.FirstOrDefault(s => s.Source.Name == SyncTracing.SourceName && s.DisplayName == "push batch");
            call = batch is null ? null : spans.FirstOrDefault(s => s.Kind == ActivityKind.Client && s.ParentSpanId == batch.SpanId);
            return Task.FromResult(ingress is not null && accept is not null && call is not null);
        }, TimeSpan.FromSeconds(30), "the ingress, accept, batch and marketplace call spans");

        // The accept is under the ingress request, in its trace.
        Assert.Equal(ingress!.TraceId, accept!.TraceId);
        Assert.Equal(ingress.SpanId, accept.ParentSpanId);
        Assert.Equal("sku-t", accept.GetTagItem("cartona.product.id"));
        // The bulk call is a trace of its own, linked to the change it carries.
        var link = Assert.Single(batch!.Links);
        Assert.Equal((ingress.TraceId, accept.SpanId), (link.Context.TraceId, link.Context.SpanId));
        Assert.Equal("cartona", batch.GetTagItem("cartona.connection"));
        Assert.Equal(1, batch.GetTagItem("cartona.items"));
        // The marketplace's answer is the HTTP request under the batch.
        Assert.Equal(batch.TraceId, call!.TraceId);
        Assert.EndsWith("bulk-update", (string)call.GetTagItem("url.full")!);
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Assert.DoesNotContain(Spans(), s => s.TagObjects.Any(t => t.Value?.ToString()?.Contains(Token) == true));
    }

    [Fact]
    public async Task Probes_are_not_traced()
    {
        await Service.Http.GetAsync("/healthz/live");
        (await Service.PutProductAsync("sku-p", new { price = 1 })).EnsureSuccessStatusCode();
        await Until.TrueAsync(() => Task.FromResult(Spans().Any(s => Equals(s.GetTagItem("url.path"), "/api/products/sku-p"))),
            TimeSpan.FromSeconds(10), "the product request's span");

        Assert.DoesNotContain(Spans(), s => s.Kind == ActivityKind.Server && (s.GetTagItem("url.path") as string)?.StartsWith("/healthz") == true);
    }

    private List<Activity> Spans() => CollectedSpans.Snapshot(_spans);
}
