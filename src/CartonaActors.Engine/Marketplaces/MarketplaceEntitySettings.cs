using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Marketplaces;

/// <summary>What a marketplace entity is built with.</summary>
public sealed record MarketplaceEntitySettings(
    PlatformConnection Connection,
    Func<PlatformConnection, IMarketplaceClient> ClientFactory,
    RetryBackoff Backoff,
    int SnapshotEvery,
    int PushSlices);
