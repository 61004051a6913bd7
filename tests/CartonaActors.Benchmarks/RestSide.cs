using System.Globalization;
using System.Security.Cryptography;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Benchmarks;

/// <summary>The generic REST marketplace: the emulator's defaults (10 req/s, burst 20, 500 items per batch,
/// Idempotency-Key required); product N is external_id N.</summary>
public sealed class RestSide : IPlatformSide
{
    private const string Connection = "rest";
    private readonly RestMarketplaceEmulator _emulator;
    private readonly string _token;

    private RestSide(RestMarketplaceEmulator emulator, string token) => (_emulator, _token) = (emulator, token);

    public static async Task<RestSide> StartAsync(int products)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var emulator = await RestMarketplaceEmulator.StartAsync(new RestMarketplaceEmulatorOptions
        {
            Tokens = new HashSet<string>(StringComparer.Ordinal) { token }, RecordRequestBodies = false,
        });
        emulator.Catalog.Seed(Enumerable.Range(1, products).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        return new RestSide(emulator, token);
    }

    public BenchPlatform Platform => BenchPlatform.Rest;

    public string Limits => string.Create(CultureInfo.InvariantCulture,
        $"{_emulator.Options.RequestsPerSecond} req/s, burst {_emulator.Options.Burst}, {_emulator.Options.MaxBatchSize} items per batch (prices and inventory separate)");

    public IReadOnlyDictionary<string, string> ConnectionSettings => new Dictionary<string, string>
    {
        ["Name"] = Connection, ["Platform"] = "rest", ["BaseUrl"] = _emulator.BaseUrl, ["Token"] = _token,
    };

    public string Listing(int product) => IngressClient.Listing(Connection, product.ToString(CultureInfo.InvariantCulture));

    public Func<int, decimal, int, bool> ShowsNow() => (product, price, quantity) =>
        _emulator.Catalog.Get(product.ToString(CultureInfo.InvariantCulture)) is { } p && p.Price == price && p.Stock.Sum(s => s.Available) == quantity;

    public PlatformCalls Calls() => PlatformCalls.Of(_emulator.Calls, c => PlatformCalls.LastSegment(c.Path), _emulator.Counters.RateLimited,
        c => c.Path.EndsWith(":batch", StringComparison.Ordinal) && c.Status is >= 200 and < 300);

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();
}
