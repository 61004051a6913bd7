namespace CartonaActors.Sandbox.Rest;

/// <summary>A snapshot of one product as the emulated marketplace holds it.</summary>
/// <param name="Price">The last price applied; null until one is.</param>
/// <param name="Currency">The currency last sent with a price; null when none ever was.</param>
/// <param name="PriceVersion">Highest price version applied; 0 before any.</param>
/// <param name="Stock">One level per location written so far, the default location (null) first.</param>
public sealed record RestProduct(
    string ExternalId,
    decimal? Price,
    string? Currency,
    long PriceVersion,
    IReadOnlyList<RestStockLevel> Stock)
{
    /// <summary>The level at <paramref name="locationId"/> (null = default location), or null if never written.</summary>
    public RestStockLevel? StockAt(string? locationId = null) =>
        Stock.FirstOrDefault(s => string.Equals(s.LocationId, locationId, StringComparison.Ordinal));

    /// <summary>Quantity available at <paramref name="locationId"/> (null = default location), or null if never written.</summary>
    public int? AvailableAt(string? locationId = null) => StockAt(locationId)?.Available;
}

/// <summary>Stock of one product at one location.</summary>
/// <param name="LocationId">Null is the default location (an item sent without location_id).</param>
/// <param name="Version">Highest version applied for this (external_id, location_id).</param>
public sealed record RestStockLevel(string? LocationId, int Available, long Version);
