using System.Globalization;
using System.Security.Cryptography;
using CartonaActors.Sandbox.Shopify;

namespace CartonaActors.Benchmarks;

/// <summary>Shopify: the emulator's defaults (Standard plan: bucket 2000 points restoring 100/s, 1000 points a query,
/// 250 rows an input); one location (warehouse WH1's) and the products as shops have them, 10 variants each, the
/// variants' SKUs SKU-1..N, priced 1 with 0 available.</summary>
public sealed class ShopifySide : IPlatformSide
{
    private const string Connection = "shopify";
    private const int VariantsPerProduct = 10;
    private readonly ShopifyEmulator _emulator;
    private readonly string _token, _location;

    private ShopifySide(ShopifyEmulator emulator, string token, string location) => (_emulator, _token, _location) = (emulator, token, location);

    public static async Task<ShopifySide> StartAsync(int products)
    {
        var token = "shpat_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var emulator = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { AccessTokens = new HashSet<string>(StringComparer.Ordinal) { token } });
        var location = emulator.Catalog.AddLocation("WH1");
        foreach (var chunk in Enumerable.Range(1, products).Chunk(VariantsPerProduct))
            emulator.Catalog.AddProduct($"Product {chunk[0] / VariantsPerProduct + 1}",
                chunk.Select(i => (PlatformSides.Sku(i), (string?)null, 1m)).ToArray());
        return new ShopifySide(emulator, token, location);
    }

    public BenchPlatform Platform => BenchPlatform.Shopify;

    public string Limits => string.Create(CultureInfo.InvariantCulture,
        $"cost bucket {_emulator.Options.BucketSize} points restoring {_emulator.Options.RestoreRate}/s, {_emulator.Options.MaxSingleQueryCost} points a query, " +
        $"{_emulator.Options.MaxInputArraySize} rows an input; {VariantsPerProduct} variants a product");

    public IReadOnlyDictionary<string, string> ConnectionSettings => new Dictionary<string, string>
    {
        ["Name"] = Connection, ["Platform"] = "shopify", ["BaseUrl"] = _emulator.BaseUrl, ["Token"] = _token,
        ["ListingSource"] = "Sku", ["LocationByWarehouse__WH1"] = _location,
    };

    public string Listing(int product) => IngressClient.Listing(Connection, PlatformSides.Sku(product));

    public Func<int, decimal, int, bool> ShowsNow()
    {
        // The emulator finds a SKU by scanning the shop: one read of every variant, not one scan per SKU.
        var variants = _emulator.Catalog.Variants().ToDictionary(v => v.Sku, StringComparer.Ordinal);
        return (product, price, quantity) => variants.TryGetValue(PlatformSides.Sku(product), out var v)
            && v.Price == price && v.AvailableByLocation.GetValueOrDefault(_location) == quantity;
    }

    public PlatformCalls Calls() => PlatformCalls.Of(_emulator.Calls, Operation, _emulator.Counters.ThrottledAnswers,
        c => c.Outcome == "ok" && c.Operations.Any(o => o is "inventorySetQuantities" or "productVariantsBulkUpdate"));

    /// <summary>A document's distinct top-level fields (aliased mutations counted once), or the token endpoint.</summary>
    private static string Operation(ShopifyRecordedCall c) =>
        c.Operations.Count > 0 ? string.Join('+', c.Operations.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        : c.Path.Contains("oauth", StringComparison.Ordinal) ? "token" : c.Outcome;

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();
}
