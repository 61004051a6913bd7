using System.Text.Json;
using CartonaActors.Sandbox.Cartona;
using Xunit.Abstractions;

namespace CartonaActors.Service.Tests;

/// <summary>A 2xx is not trusted blindly: the service reads Cartona's product list back and sends again what it
/// does not show, whether a bulk call applied only part of what it reported or someone changed it on Cartona.</summary>
public sealed class ReadBackSpecs(ITestOutputHelper output)
{
    private const string Token = "read-back-token-77d2";
    private const int Products = 9;

    private static string Price(int id) => $"{id * 10}.5";

    private static int Wrong(CartonaEmulator cartona) => Enumerable.Range(1, Products)
        .Count(i => cartona.Catalog.TryGet(i.ToString()) is not { } p || p.SellingPrice != Price(i) || p.AvailableStockQuantity != i);

    [Fact]
    public async Task Products_a_bulk_call_reported_but_did_not_apply_or_that_were_changed_on_Cartona_are_read_back_and_sent_again()
    {
        await using var cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions
        {
            Tokens = new HashSet<string> { Token }, SilentlyDropEveryNth = 3,
        });
        cartona.Catalog.Seed(Enumerable.Range(1, Products).Select(i => ((long)(700 + i), i.ToString())));
        var settings = TestService.Settings(cartona, Token);
        settings["CartonaActors:Connections:0:ReadBackInterval"] = "00:00:01";
        settings["CartonaActors:Connections:0:ReadBackPageSize"] = "4"; // three pages, the last one short
        await using var service = await TestService.StartAsync(settings);

        for (var i = 1; i <= Products; i++)
        {
            var response = await service.PutProductAsync(i.ToString(), new
            {
                price = decimal.Parse(Price(i), System.Globalization.CultureInfo.InvariantCulture),
                stock = new Dictionary<string, decimal> { ["WH1"] = i },
                listings = new[] { new { connection = "cartona", internalProductId = i.ToString() } },
            });
            Assert.True(response.IsSuccessStatusCode);
        }
        // Every push reported as applied, a third of them silently dropped: only reading back can tell.
        await Until.TrueAsync(() => Task.FromResult(cartona.Calls.Any(c => c.Path.EndsWith("bulk-update") && c.Status == 200)), TimeSpan.FromSeconds(30), "a bulk call");
        await Until.TrueAsync(() => Task.FromResult(cartona.Calls.Where(c => c.Path.EndsWith("bulk-update")).Sum(c => c.ItemCount ?? 0) >= Products),
            TimeSpan.FromSeconds(30), "every product sent once");
        Assert.True(Wrong(cartona) > 0, "the emulator dropped none");
        cartona.Options.SilentlyDropEveryNth = 0;

        await Until.TrueAsync(() => Task.FromResult(Wrong(cartona) == 0), TimeSpan.FromSeconds(60), "dropped products sent again");

        cartona.Catalog.Edit("5", p => p with { SellingPrice = "1.0", AvailableStockQuantity = 999 });
        await Until.TrueAsync(() => Task.FromResult(Wrong(cartona) == 0), TimeSpan.FromSeconds(60), "a product changed on Cartona sent again");

        var status = JsonDocument.Parse(await service.Http.GetStringAsync("/api/connections/cartona")).RootElement;
        output.WriteLine(status.ToString());
        var ledger = status.GetProperty("ledger");
        Assert.True(ledger.GetProperty("readBackDrifted").GetInt64() >= 2);
        Assert.True(ledger.GetProperty("readBackPasses").GetInt64() >= 2);
        Assert.Equal(3, ledger.GetProperty("lastReadBack").GetProperty("pages").GetInt32());
        Assert.Contains(service.Log.Lines, l => l.Contains("show other values than they confirmed"));
    }
}
