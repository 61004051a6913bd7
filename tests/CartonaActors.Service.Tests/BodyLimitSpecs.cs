using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using CartonaActors.Domain.Products;
using CartonaActors.Engine.Hosting;
using CartonaActors.Service.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CartonaActors.Service.Tests;

/// <summary>Every POST and PUT reads at most its endpoint's limit: a larger body gets 413 with a plain message, is
/// logged and shows in the sync log, whether its length is declared or it comes chunked.</summary>
public sealed class BodyLimitSpecs() : CartonaServiceSpecs("body-limit-token-51c7")
{
    private async Task<string> RefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        // A body refused as too large is left partly unread: the client must not send another request after it.
        if (status == HttpStatusCode.RequestEntityTooLarge) Assert.True(response.Headers.ConnectionClose);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        await SyncLogApi.UntilRowAsync(Service.Http, r => r.Text("message")!.Contains(error, StringComparison.Ordinal), "the refusal", "?kind=input_refused");
        return error;
    }

    private static byte[] ProductBody(int bytes) =>
        Encoding.UTF8.GetBytes("{\"price\": 1, \"unlink\": [\"" + new string('a', bytes) + "\"]}");

    [Fact]
    public async Task A_product_change_over_the_limit_is_refused_with_413_by_its_length_or_while_read()
    {
        var declared = await Service.Http.PutAsync("/api/products/sku-big", new ByteArrayContent(ProductBody((int)BodyLimits.ProductChange)));
        Assert.Contains($"limit of {BodyLimits.ProductChange} bytes", await RefusedAsync(declared, HttpStatusCode.RequestEntityTooLarge));
        Assert.Contains(Service.Log.Lines, l => l.Contains("Refused") && l.Contains("/api/products/sku-big"));

        var chunked = await Service.Http.PutAsync("/api/products/sku-big", new ChunkedContent(ProductBody((int)BodyLimits.ProductChange)));
        await RefusedAsync(chunked, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(Service.Log.Lines, l => l.Contains("Refused change to product") && l.Contains("sku-big"));
        Assert.Equal(HttpStatusCode.NotFound, (await Service.Http.GetAsync("/api/products/sku-big")).StatusCode);
    }

    [Fact]
    public async Task An_endpoint_that_reads_no_body_refuses_a_large_one_and_ignores_a_small_one()
    {
        var large = await Service.Http.PostAsync("/api/connections/cartona/sync-all", new ByteArrayContent(new byte[BodyLimits.NoBody + 1]));
        await RefusedAsync(large, HttpStatusCode.RequestEntityTooLarge);
        var chunked = await Service.Http.PostAsync("/api/connections/cartona/sync-all", new ChunkedContent(new byte[BodyLimits.NoBody + 1]));
        Assert.Contains("larger than allowed", await RefusedAsync(chunked, HttpStatusCode.RequestEntityTooLarge));

        var small = await Service.Http.PostAsync("/api/connections/cartona/sync-all", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, small.StatusCode);
    }

    [Fact]
    public void Every_POST_and_PUT_endpoint_declares_a_body_limit()
    {
        var endpoints = Service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH") == true).ToList();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.True(e.Metadata.GetMetadata<BodyLimit>() is { Bytes: > 0 }, $"{e.RoutePattern.RawText} declares no body limit"));
    }

    [Fact]
    public async Task A_product_with_the_most_warehouses_fits_the_body_limit_and_one_more_is_refused()
    {
        static Dictionary<string, decimal> Stock(int from, int count) => Enumerable.Range(from, count)
            .ToDictionary(w => "W" + w.ToString("D4") + new string('x', ProductValidation.MaxWarehouseNameLength - 5), _ => 123456789.123m);

        var full = await Service.PutProductAsync("sku-wide", new { stock = Stock(0, ProductValidation.MaxWarehouses) });
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);

        var more = await Service.PutProductAsync("sku-wide", new { stock = Stock(ProductValidation.MaxWarehouses, 1) });
        Assert.Contains($"at most {ProductValidation.MaxWarehouses} warehouses", await RefusedAsync(more, HttpStatusCode.BadRequest));

        var tooMany = await Service.PutProductAsync("sku-wider", new { stock = Stock(0, ProductValidation.MaxWarehouses + 1) });
        Assert.Contains($"at most {ProductValidation.MaxWarehouses} warehouses", await RefusedAsync(tooMany, HttpStatusCode.BadRequest));
    }

    [Fact]
    public void The_running_node_uses_the_frame_size_of_hocon()
    {
        var system = Service.Services.GetRequiredService<ActorSystem>();
        Assert.Equal(HoconFiles.Load("akka.hocon").GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size"),
            system.Settings.Config.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size"));
    }
}
