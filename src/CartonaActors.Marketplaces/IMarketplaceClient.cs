using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces;

/// <summary>
/// One marketplace connection's API. Implementations make exactly one HTTP call per method call: they never
/// retry, because retries are decided in one place (the marketplace entity's throttle and backoff).
/// They never throw for an HTTP or network failure; they classify it as a <see cref="PushOutcome"/>.
/// </summary>
public interface IMarketplaceClient
{
    /// <summary>Largest batch the platform accepts in one bulk call.</summary>
    int MaxBatchSize { get; }

    /// <summary>Pushes the items' price and stock in one bulk call.</summary>
    Task<PushOutcome> PushAsync(IReadOnlyList<PushItem> items, CancellationToken cancellationToken);

    /// <summary>A cheap authenticated call that proves the URL and credential work.</summary>
    Task<ConnectionCheck> TestConnectionAsync(CancellationToken cancellationToken);
}

/// <summary>Result of <see cref="IMarketplaceClient.TestConnectionAsync"/>; the message never holds the credential.</summary>
public sealed record ConnectionCheck(bool Ok, string Message);
