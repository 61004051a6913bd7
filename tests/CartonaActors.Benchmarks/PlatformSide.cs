using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>
/// One marketplace of the platforms scenario as the benchmark sees it: its emulator in this process at the
/// platform's published limits (the emulator's defaults), seeded with the N listings the service will write to,
/// the settings of the one connection to it, and what the emulator shows and was called with.
/// </summary>
public interface IPlatformSide : IAsyncDisposable
{
    BenchPlatform Platform { get; }

    /// <summary>The emulator's limits as printed in the report.</summary>
    string Limits { get; }

    /// <summary>Connection 0's keys without the <see cref="BenchWorld.ConnectionKey"/> prefix (<c>Settings__ClientId</c>).</summary>
    IReadOnlyDictionary<string, string> ConnectionSettings { get; }

    /// <summary>The ingress <c>listings</c> entry linking product N to this marketplace.</summary>
    string Listing(int product);

    /// <summary>What the marketplace holds now: a predicate "product N shows this price and quantity", valid for one
    /// check of many products (a side may read its whole catalog once for it).</summary>
    Func<int, decimal, int, bool> ShowsNow();

    /// <summary>Every call the emulator answered so far, by operation.</summary>
    PlatformCalls Calls();

    /// <summary>What else the platform's run should print (Amazon: its feeds); null for nothing.</summary>
    string? Detail() => null;
}

/// <param name="ByOperation">Calls answered, by the platform's operation name.</param>
/// <param name="TooManyRequests">429s (and Shopify's THROTTLED answers) among them.</param>
/// <param name="Writes">Successful calls that wrote prices or stock (a feed counts once, when created).</param>
public sealed record PlatformCalls(IReadOnlyDictionary<string, int> ByOperation, long TooManyRequests, int Writes)
{
    public int Total => ByOperation.Values.Sum();

    public static PlatformCalls Of<T>(IEnumerable<T> calls, Func<T, string> operation, long tooManyRequests, Func<T, bool> isWrite)
    {
        var list = calls.ToList();
        var byOperation = list.GroupBy(operation, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new PlatformCalls(byOperation, tooManyRequests, list.Count(isWrite));
    }

    /// <summary>The last segment of a request path (<c>/api/v1/supplier-product/bulk-update</c> is <c>bulk-update</c>).</summary>
    public static string LastSegment(string path) => path.TrimEnd('/')[(path.TrimEnd('/').LastIndexOf('/') + 1)..];

    public string Describe() =>
        string.Join(", ", ByOperation.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key} {o.Value}")));
}

/// <summary>Starts the side of a platform.</summary>
public static class PlatformSides
{
    /// <summary>SKU of product N on the platforms that know listings by SKU (Shopify, Amazon, eBay).</summary>
    public static string Sku(int product) => "SKU-" + product.ToString(CultureInfo.InvariantCulture);

    public static async Task<IPlatformSide> StartAsync(BenchPlatform platform, int products) => platform switch
    {
        BenchPlatform.Cartona => await CartonaSide.StartAsync(products),
        BenchPlatform.Rest => await RestSide.StartAsync(products),
        BenchPlatform.Shopify => await ShopifySide.StartAsync(products),
        BenchPlatform.Amazon => await AmazonSide.StartAsync(products),
        BenchPlatform.Ebay => await EbaySide.StartAsync(products),
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };
}
