using CartonaActors.Marketplaces;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Engine.Tests.Contract;

/// <summary>The marketplace contract on the generic REST marketplace's emulator.</summary>
public sealed class RestContractSpecs : MarketplaceContract
{
    private const string PricesPath = "/v1/prices:batch";
    private RestMarketplaceEmulator _rest = null!;

    public override async Task InitializeAsync()
    {
        _rest = await RestMarketplaceEmulator.StartAsync(new RestMarketplaceEmulatorOptions
        {
            Tokens = new HashSet<string> { Emulators.Token }, RequestsPerSecond = 50, Burst = 20, RecordRequestBodies = false,
        });
        _rest.Catalog.Seed(Enumerable.Range(1, Catalog).Select(i => i.ToString()));
    }

    public override async Task DisposeAsync() => await _rest.DisposeAsync();

    protected override ConnectionSettings Settings() => new()
    {
        Name = Connection, Platform = "rest", BaseUrl = _rest.BaseUrl, Token = Emulators.Token,
        RequestsPerSecond = 50, Burst = 20, Timeout = TimeSpan.FromSeconds(5),
    };

    protected override string ListingKind => "external_id";

    protected override (decimal? Price, int? Stock) Shown(string listingId) =>
        _rest.Catalog.Get(listingId) is { } p ? (p.Price, p.AvailableAt()) : (null, null);

    protected override void RateLimitNextPush(int retryAfterSeconds) =>
        _rest.Faults.Enqueue(new RestFault.RateLimit(retryAfterSeconds), 1, "v1/prices:batch");

    protected override (DateTimeOffset, DateTimeOffset)? RateLimitedPush()
    {
        var pushes = _rest.Calls.Where(c => c.Path == PricesPath).ToList();
        var limited = pushes.FirstOrDefault(c => c.Status == 429);
        var next = pushes.FirstOrDefault(c => limited is not null && c.At > limited.At && c.Status is >= 200 and < 300);
        return limited is null || next is null ? null : (limited.At, next.At);
    }

    protected override void FailEveryCall() => _rest.Faults.Enqueue(new RestFault.ServerError(503), 100_000);
    protected override void Heal() => _rest.Faults.Clear();
    protected override bool AnyCallFailed() => _rest.Calls.Any(c => c.Status == 503);
}
