using System.Diagnostics;
using CartonaActors.Marketplaces;
using CartonaActors.Marketplaces.Cartona;
using CartonaActors.Sandbox.Cartona;
using Xunit.Abstractions;

namespace CartonaActors.Service.Tests;

/// <summary>ERP changes over HTTP -> service -> Cartona emulator over HTTP, at catalog scale, with Cartona's
/// proposed limits (5 calls/s, burst 10, 1,000 items per call).</summary>
public sealed class EndToEndSpecs(ITestOutputHelper output)
{
    private const string Token = "e2e-token-5f1c9a";
    private const string AuditorToken = "e2e-auditor-token-31aa"; // its own rate limit, so reading back does not slow pushes
    private const int Products = 10_000;

    [Fact]
    public async Task After_quiescence_the_marketplace_shows_the_last_value_sent_for_every_one_of_10000_products()
    {
        await using var cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions
        {
            Tokens = new HashSet<string> { Token, AuditorToken }, RequestsPerSecond = 5, Burst = 10, MaxBatchSize = 1000, RecordRequestBodies = false,
        });
        cartona.Catalog.Seed(Enumerable.Range(1, Products).Select(i => ((long)(900_000 + i), i.ToString())));
        await using var service = await TestService.StartAsync(TestService.Settings(cartona, Token));

        var expected = new (decimal Price, int Qty)[Products + 1];
        var clock = Stopwatch.StartNew();
        // Round 1 links every product; round 2 changes a random half again, some several times.
        await SendAllAsync(service, Enumerable.Range(1, Products).Select(i => (i, true)), expected, 1);
        var random = new Random(42);
        await SendAllAsync(service, Enumerable.Range(0, Products / 2).Select(_ => (random.Next(1, Products + 1), false)), expected, 2);
        var sentAt = clock.Elapsed;
        var changes = Products + Products / 2;

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (Mismatches(cartona.Catalog.All().Select(p => (p.InternalProductId, p.SellingPrice, (int?)p.AvailableStockQuantity)), expected) > 0
               && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var quiet = clock.Elapsed;
        using var reader = new CartonaClient(new ConnectionSettings { Name = "read-back", BaseUrl = cartona.BaseUrl, Token = AuditorToken });
        var mismatches = Mismatches((await ReadBackAsync(reader)).Select(p => (p.InternalProductId, p.SellingPrice, p.AvailableStockQuantity)), expected);
        var bulk = cartona.Calls.Where(c => c.Path.EndsWith("bulk-update")).ToList();
        output.WriteLine($"changes sent: {changes} in {sentAt.TotalSeconds:0.0} s; quiescence after {quiet.TotalSeconds:0.0} s; " +
                         $"bulk calls: {bulk.Count} ({bulk.Count(c => c.Status == 429)} x 429), items/call: {bulk.Where(c => c.Status == 200).Average(c => c.ItemCount ?? 0):0}");
        Assert.Equal(0, mismatches);
        Assert.True(bulk.Count < changes / 10, $"{bulk.Count} bulk calls for {changes} changes: pushes are not batched");
    }

    private static async Task SendAllAsync(TestService service, IEnumerable<(int Id, bool Link)> changes, (decimal Price, int Qty)[] expected, int round)
    {
        // A product's own changes go in order, so "the last value sent" is well defined; products run in parallel.
        var byProduct = changes.Select((c, n) => (c.Id, c.Link, N: n + 1)).GroupBy(c => c.Id).ToList();
        await Parallel.ForEachAsync(byProduct, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (group, ct) =>
        {
            foreach (var (id, link, n) in group)
            {
                var price = round * 1000m + n / 100m;
                var qty = (n * 7 + id) % 500 - 20; // some negative free quantities, which must show as 0
                object body = link
                    ? new { price, stock = new Dictionary<string, decimal> { ["WH1"] = qty }, listings = new[] { new { connection = "cartona", internalProductId = id.ToString() } } }
                    : new { price, stock = new Dictionary<string, decimal> { ["WH1"] = qty } };
                using var response = await service.PutProductAsync($"p{id}", body);
                Assert.True(response.IsSuccessStatusCode, $"PUT p{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                expected[id] = (price, Math.Max(0, qty));
            }
        });
    }

    private static async Task<List<CartonaSupplierProduct>> ReadBackAsync(CartonaClient reader)
    {
        var shown = new List<CartonaSupplierProduct>();
        for (var page = 1; ; page++)
        {
            var items = await reader.ListSupplierProductsAsync(page, 1000, CancellationToken.None);
            shown.AddRange(items);
            if (items.Count < 1000 || shown.Count >= Products) return shown;
        }
    }

    private static int Mismatches(IEnumerable<(string? InternalId, string? Price, int? Qty)> shown, (decimal Price, int Qty)[] expected) =>
        shown.Count(p =>
        {
            var e = expected[int.Parse(p.InternalId!)];
            return p.Price is null || decimal.Parse(p.Price, System.Globalization.CultureInfo.InvariantCulture) != e.Price || p.Qty != e.Qty;
        });
}
