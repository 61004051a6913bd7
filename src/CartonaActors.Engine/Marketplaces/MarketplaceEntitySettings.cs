using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Marketplaces;

/// <summary>What a marketplace entity is built with; <see cref="ListingKeys"/> resolves pulled order lines' keys to
/// ERP variants (null: the lines name variant ids already).</summary>
public sealed record MarketplaceEntitySettings(
    PlatformConnection Connection,
    Func<PlatformConnection, IMarketplaceClient> ClientFactory,
    RetryBackoff Backoff,
    int SnapshotEvery,
    int PushSlices,
    ErpListingKeys? ListingKeys = null);
