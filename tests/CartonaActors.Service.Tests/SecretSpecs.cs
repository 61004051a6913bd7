using System.Net.Http.Json;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Service.Tests;

/// <summary>Invariant 5: a credential never appears in a log line, an error message or the sync log.</summary>
public sealed class SecretSpecs
{
    [Theory]
    [InlineData(401)]
    [InlineData(400)]
    public async Task A_refused_token_is_reported_without_ever_being_written_down(int authFailureStatus)
    {
        const string wrongToken = "SECRET-wrong-token-4e1f9c0d";
        await using var cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions
        {
            Tokens = new HashSet<string> { "the-right-token" }, AuthFailureStatus = authFailureStatus,
        });
        cartona.Catalog.Seed([(1L, "1")]);
        await using var service = await TestService.StartAsync(TestService.Settings(cartona, wrongToken));

        var put = await service.PutProductAsync("sku-1", new { price = 3, listings = new[] { new { connection = "cartona", internalProductId = "1" } } });
        put.EnsureSuccessStatusCode();
        var syncLog = await SyncLogApi.UntilContainsAsync(service.Http, "authentication_failed");
        var test = await (await service.Http.PostAsync("/api/connections/cartona/test", null)).Content.ReadAsStringAsync();
        Assert.Contains("\"ok\":false", test);

        Assert.DoesNotContain(wrongToken, syncLog);
        Assert.DoesNotContain(wrongToken, test);
        Assert.DoesNotContain(wrongToken, await service.Http.GetStringAsync("/api/connections"));
        Assert.Contains(service.Log.Lines, l => l.Contains("authentication_failed"));
        Assert.DoesNotContain(service.Log.Lines, l => l.Contains(wrongToken));
    }
}
