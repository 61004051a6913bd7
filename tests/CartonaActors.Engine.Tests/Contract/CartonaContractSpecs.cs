using System.Globalization;
using CartonaActors.Marketplaces;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Engine.Tests.Contract;

/// <summary>The marketplace contract on Cartona's emulator.</summary>
public sealed class CartonaContractSpecs : MarketplaceContract
{
    private const string BulkPath = "/api/v1/supplier-product/bulk-update";
    private CartonaEmulator _cartona = null!;

    public override async Task InitializeAsync() => _cartona = await Emulators.CartonaAsync(Catalog, requestsPerSecond: 50, burst: 20);

    public override async Task DisposeAsync() => await _cartona.DisposeAsync();

    protected override ConnectionSettings Settings() => new()
    {
        Name = Connection, Platform = "cartona", BaseUrl = _cartona.BaseUrl, Token = Emulators.Token,
        RequestsPerSecond = 50, Burst = 20, Timeout = TimeSpan.FromSeconds(5),
    };

    protected override string ListingKind => "InternalProductId";

    protected override (decimal? Price, int? Stock) Shown(string listingId) =>
        _cartona.Catalog.TryGet(listingId) is { SellingPrice: { } price } p
            ? (decimal.Parse(price, CultureInfo.InvariantCulture), p.AvailableStockQuantity)
            : (null, null);

    protected override void RateLimitNextPush(int retryAfterSeconds) =>
        _cartona.Faults.Enqueue(new CartonaFault.RateLimit(retryAfterSeconds), 1, "supplier-product/bulk-update");

    protected override (DateTimeOffset, DateTimeOffset)? RateLimitedPush()
    {
        var pushes = _cartona.Calls.Where(c => c.Path == BulkPath).ToList();
        var limited = pushes.FirstOrDefault(c => c.Status == 429);
        var next = pushes.FirstOrDefault(c => limited is not null && c.At > limited.At && c.Status == 200);
        return limited is null || next is null ? null : (limited.At, next.At);
    }

    protected override void FailEveryCall() => _cartona.Faults.FailAll(503);
    protected override void Heal() => _cartona.Faults.Clear();
    protected override bool AnyCallFailed() => _cartona.Calls.Any(c => c.Status == 503);
}
