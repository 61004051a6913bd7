using System.Globalization;
using System.Security.Cryptography;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Benchmarks;

/// <summary>Cartona: the emulator's defaults (5 req/s, burst 10, 1000 items per bulk-update); product N is the
/// supplier product whose internal product id is N.</summary>
public sealed class CartonaSide : IPlatformSide
{
    private readonly CartonaEmulator _emulator;
    private readonly string _token;

    private CartonaSide(CartonaEmulator emulator, string token) => (_emulator, _token) = (emulator, token);

    public static async Task<CartonaSide> StartAsync(int products)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var emulator = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions
        {
            Tokens = new HashSet<string>(StringComparer.Ordinal) { token }, RecordRequestBodies = false,
        });
        emulator.Catalog.Seed(Enumerable.Range(1, products).Select(i => ((long)(100_000 + i), i.ToString(CultureInfo.InvariantCulture))));
        return new CartonaSide(emulator, token);
    }

    public BenchPlatform Platform => BenchPlatform.Cartona;

    public string Limits => string.Create(CultureInfo.InvariantCulture,
        $"{_emulator.Options.RequestsPerSecond} req/s, burst {_emulator.Options.Burst}, {_emulator.Options.MaxBatchSize} items per bulk-update");

    public IReadOnlyDictionary<string, string> ConnectionSettings => new Dictionary<string, string>
    {
        ["Name"] = BenchWorld.Connection, ["Platform"] = "cartona", ["BaseUrl"] = _emulator.BaseUrl, ["Token"] = _token,
    };

    public string Listing(int product) => IngressClient.CartonaListing(product);

    public Func<int, decimal, int, bool> ShowsNow() => (product, price, quantity) =>
        _emulator.Catalog.TryGet(product.ToString(CultureInfo.InvariantCulture)) is { } p
        && decimal.TryParse(p.SellingPrice, NumberStyles.Number, CultureInfo.InvariantCulture, out var shown) && shown == price
        && p.AvailableStockQuantity == quantity;

    public PlatformCalls Calls()
    {
        var calls = _emulator.Calls;
        return PlatformCalls.Of(calls, c => PlatformCalls.LastSegment(c.Path), calls.Count(c => c.Status == 429),
            c => c.Path.EndsWith("bulk-update", StringComparison.Ordinal) && c.Status is >= 200 and < 300);
    }

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();
}
