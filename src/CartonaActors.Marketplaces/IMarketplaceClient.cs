using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces;

/// <summary>
/// One marketplace connection's API. Implementations never retry, because retries are decided in one place (the
/// marketplace entity's throttle and backoff), and never throw for an HTTP or network failure; they classify it
/// as a <see cref="CallOutcome"/>. A push makes the platform's <see cref="PlatformLimits.CallsPerPush"/> calls.
/// </summary>
public interface IMarketplaceClient
{
    /// <summary>Pushes the items' price and stock in one bulk call (at most the platform's batch maximum).</summary>
    Task<CallOutcome> PushAsync(IReadOnlyList<PushItem> items, CancellationToken cancellationToken);

    /// <summary>A cheap authenticated call that proves the URL and credential work.</summary>
    Task<ConnectionCheck> TestConnectionAsync(CancellationToken cancellationToken);
}

/// <summary>Result of <see cref="IMarketplaceClient.TestConnectionAsync"/>; the message never holds the credential.</summary>
public sealed record ConnectionCheck(bool Ok, string Message);
