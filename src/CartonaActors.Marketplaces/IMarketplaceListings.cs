using CartonaActors.Domain.ReadBack;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces;

/// <summary>
/// A platform's own list of the supplier's products, read back to check that what it confirmed is what it
/// shows. Like every client call: one HTTP call, never retried here, failures classified, not thrown.
/// </summary>
public interface IMarketplaceListings
{
    Task<(CallOutcome Outcome, ListingPage? Page)> ReadListingsAsync(ListingPageRequest request, CancellationToken cancellationToken);
}
