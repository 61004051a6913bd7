using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CartonaActors.Engine;
using CartonaActors.Sandbox.Odoo;
using CartonaActors.Service.Telemetry;
using OpenTelemetry.Trace;

namespace CartonaActors.Service.Tests;

/// <summary>An Odoo change's trace through the real service, collected by an in-memory exporter: the webhook
/// request; the read of Odoo it leads to (a trace of its own, linked to the webhooks it serves, since one read serves
/// a window of them) with its JSON-RPC calls under it; the range accepting the read under that; and the bulk call
/// linked to the accept, with the HTTP request to the Cartona emulator under it.</summary>
public sealed class OdooTraceSpecs
{
    private static readonly Dictionary<string, string[]> OneConnection = new() { ["cartona"] = ["WH1"] };
    private readonly List<Activity> _spans = [];

    [Fact]
    public async Task An_Odoo_price_change_is_traced_from_the_webhook_through_the_Odoo_read_and_the_range_to_the_marketplace_call()
    {
        OdooSeed seed = null!;
        await using var world = await OdooWorld.StartAsync(o => { o.AddWarehouse("WH1", "Main"); seed = o.SeedCatalog(2, 10m, 5m); }, OneConnection, 2,
            // No poller reads the change first: each polls once at start, then not within the spec.
            extra: new() { ["CartonaActors:ErpSync:PollInterval"] = "01:00:00" },
            presetWebhooks: false, // the spec posts the webhook itself, as Odoo's automation would
            customize: b => b.Services.AddServiceTracing(tracing => tracing.AddInMemoryExporter(_spans)));
        await world.LoadCatalogAsync(TimeSpan.FromSeconds(60));
        await Until.TrueAsync(() => Task.FromResult(world.Cartona["cartona"].Catalog.TryGet("2")?.SellingPrice == "10.0"), TimeSpan.FromSeconds(30), "initial price");
        await Until.TrueAsync(async () => (await world.Service.Http.GetFromJsonAsync<JsonElement>("/api/erp/pollers"))
            .EnumerateArray().All(p => p.GetProperty("lastPollAt").ValueKind != JsonValueKind.Null), TimeSpan.FromSeconds(30), "the pollers' first polls");

        var variant = seed.VariantIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        await world.Odoo.SetListPriceAsync(seed.TemplateIds[1], 42m);
        using var posted = await world.Service.Http.PostAsync($"/webhooks/odoo?token={OdooWorld.WebhookSecret}",
            new StringContent($"{{\"_model\":\"product.template\",\"_id\":{seed.TemplateIds[1]}}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        Activity? webhook = null, feed = null, accept = null, batch = null, call = null;
        await Until.TrueAsync(() =>
        {
            var spans = Spans();
            webhook = spans.FirstOrDefault(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("url.path"), "/webhooks/odoo"));
            var feeds = webhook is null ? [] : spans.Where(s => Ours(s, "erp feed") && s.Links.Any(l => l.Context.SpanId == webhook.SpanId)).ToList();
            // The first read or the settle re-read: whichever saw the change has the accept that wrote it.
            accept = spans.FirstOrDefault(s => Ours(s, "range accept") && Equals(s.GetTagItem("cartona.outcome"), "accepted")
                                               && feeds.Any(f => f.SpanId == s.ParentSpanId));
            feed = accept is null ? null : feeds.Single(f => f.SpanId == accept.ParentSpanId);
            batch = accept is null ? null : spans.FirstOrDefault(s => Ours(s, "push batch") && s.Links.Any(l => l.Context.SpanId == accept.SpanId));
            call = batch is null ? null : spans.FirstOrDefault(s => s.Kind == ActivityKind.Client && s.ParentSpanId == batch.SpanId);
            return Task.FromResult(call is not null && world.Cartona["cartona"].Catalog.TryGet(variant)?.SellingPrice == "42.0");
        }, TimeSpan.FromSeconds(30), "the webhook, feed, accept, batch and marketplace call spans");

        // The read is a trace of its own, linked to the webhook that asked for it, and the Odoo calls are under it.
        Assert.NotEqual(webhook!.TraceId, feed!.TraceId);
        Assert.Equal(default, feed.ParentSpanId);
        Assert.Equal("webhook", feed.GetTagItem("cartona.erp.source"));
        Assert.Equal("changed", feed.GetTagItem("cartona.outcome"));
        var odooCalls = Spans().Where(s => s.Kind == ActivityKind.Client && s.ParentSpanId == feed.SpanId).ToList();
        Assert.NotEmpty(odooCalls);
        Assert.All(odooCalls, c =>
        {
            Assert.Equal(feed.TraceId, c.TraceId);
            Assert.StartsWith(world.Odoo.BaseUrl.TrimEnd('/'), (string)c.GetTagItem("url.full")!);
            Assert.Equal(200, c.GetTagItem("http.response.status_code"));
        });
        // The variant's range accepted the read under the feed, in its trace.
        Assert.Equal(feed.TraceId, accept!.TraceId);
        Assert.NotNull(accept.GetTagItem("cartona.range.id"));
        // The bulk call carries the accepted change and the marketplace answered it.
        Assert.Contains(batch!.Links, l => (l.Context.TraceId, l.Context.SpanId) == (feed.TraceId, accept.SpanId));
        Assert.Equal(batch.TraceId, call!.TraceId);
        Assert.EndsWith("bulk-update", (string)call.GetTagItem("url.full")!);
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));

        foreach (var secret in new[] { OdooWorld.WebhookSecret, OdooWorld.ApiKey, OdooWorld.CartonaToken })
            Assert.DoesNotContain(Spans(), s => s.DisplayName.Contains(secret)
                                                || s.TagObjects.Any(t => t.Value?.ToString()?.Contains(secret) == true)
                                                || s.Events.Any(e => e.Tags.Any(t => t.Value?.ToString()?.Contains(secret) == true)));
    }

    private static bool Ours(Activity span, string name) => span.Source.Name == SyncTracing.SourceName && span.DisplayName == name;

    private List<Activity> Spans() => CollectedSpans.Snapshot(_spans);
}
