using CartonaActors.Tests.Fuzz;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CartonaActors.Service.Tests.Fuzz;

/// <summary>
/// Invariant 4 at the HTTP edge: seeded hostile requests (wrong types, huge and deep bodies, unicode and lone
/// surrogates, missing and unknown fields, wrong content types, empty and binary bodies, hostile product ids) to
/// every POST and PUT never get a 5xx; each refusal is a plain 4xx in the sync log; afterwards nothing has crashed
/// and a valid change still reaches the marketplace.
/// </summary>
public sealed class IngressFuzzSpecs(IngressFuzzWorld world, ITestOutputHelper output) : IClassFixture<IngressFuzzWorld>
{
    public static TheoryData<string, string> Endpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var ingress in Ingresses.All) data.Add(ingress.Method, ingress.Route);
        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Hostile_requests_get_a_plain_4xx_in_the_sync_log_and_the_service_keeps_syncing(string method, string route)
    {
        var ingress = Ingresses.Of(method, route);
        var mark = world.LogMark;
        var syncLogMark = await world.SyncLogMarkAsync();
        var answers = new SortedDictionary<int, int>();
        await FuzzCases.CheckAsync(ingress.Requests, ingress.Cases, async request =>
        {
            var status = await world.SendAsync(ingress, request);
            answers[status] = answers.GetValueOrDefault(status) + 1;
        }, r => r.ToString());
        // The answers show how far the inputs got: past the reader (422, 2xx) or not (400, 413).
        output.WriteLine($"seed {FuzzCases.Seed}: {ingress.Cases} inputs fuzzed on {ingress}; answered {string.Join(", ", answers.Select(a => $"{a.Key} x{a.Value}"))}");

        await world.AssertRefusalsInSyncLogAsync(syncLogMark);
        // An accepted pause is meant to stop the connection's calls: resumed, it must sync as before.
        if (route == "/api/connections/{name}/pause") await world.SendAsync(Ingresses.Of("POST", "/api/connections/{name}/resume"), new HostileRequest("/api/connections/cartona/resume", [], null, false));
        await world.AssertStillSyncsAsync();
        world.AssertNothingCrashedSince(mark);
    }

    [Fact]
    public void Every_POST_and_PUT_endpoint_is_fuzzed()
    {
        var served = world.World.Service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(e => e.Split(' ')[0] is "POST" or "PUT" or "PATCH" or "DELETE")
            .Order().ToList();
        Assert.Equal(served, Ingresses.All.Select(i => i.ToString()).Order().ToList());
    }
}
