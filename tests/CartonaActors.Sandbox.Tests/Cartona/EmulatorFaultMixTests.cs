using System.Net;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Sandbox.Tests.Cartona;

/// <summary>Faults at rates, for the fault suite: drawn from a seed, counted by kind, applying nothing.</summary>
public sealed class EmulatorFaultMixTests
{
    private const string Bulk = """[{"internal_product_id":"a","available_stock_quantity":4}]""";

    [Fact]
    public async Task A_seeded_mix_injects_each_kind_near_its_rate_counts_them_and_stops_when_cleared()
    {
        await using var scope = await EmulatorScope.StartAsync(o => o.RequestsPerSecond = 10_000);
        scope.Emulator.Catalog.Add(1, "a");
        scope.Emulator.Faults.InjectAtRandom(new CartonaFaultMix
        {
            RateLimited = 0.1, RateLimitedWithoutRetryAfter = 0.1, Unavailable503 = 0.1, Reset = 0.1, MalformedJson = 0.1,
        }, seed: 3);

        var answers = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var r = await scope.PostBulkAsync(Bulk);
                answers.Add(r.StatusCode == HttpStatusCode.TooManyRequests ? (r.Headers.RetryAfter is null ? "429-bare" : "429") : ((int)r.StatusCode).ToString());
            }
            catch (HttpRequestException)
            {
                answers.Add("reset");
            }
        }

        var injected = scope.Emulator.Faults.InjectedByKind;
        Assert.Equal(injected["RateLimit"], answers.Count(a => a == "429"));
        Assert.Equal(injected["RateLimitWithoutRetryAfter"], answers.Count(a => a == "429-bare"));
        Assert.Equal(injected["ServerError503"], answers.Count(a => a == "503"));
        Assert.Equal(injected["Reset"], answers.Count(a => a == "reset"));
        Assert.All(injected.Values, n => Assert.InRange(n, 8, 40)); // 10 % of 200, give or take
        Assert.InRange(answers.Count(a => a == "200"), 60, 140); // malformed JSON is a 200 too

        scope.Emulator.Faults.Clear();
        using var clean = await scope.PostBulkAsync(Bulk);
        Assert.Equal(HttpStatusCode.OK, clean.StatusCode);
    }
}
