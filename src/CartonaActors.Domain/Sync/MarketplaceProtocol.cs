using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Sync;

/// <summary>A message routed to one marketplace connection's entity.</summary>
public interface IWithConnectionId
{
    string ConnectionId { get; }
}

/// <summary>A persisted fact about a marketplace connection.</summary>
public interface IMarketplaceEvent : IWithConnectionId, IWireSerializable;

/// <summary>Queue a product's latest values for the connection's next bulk call.</summary>
public sealed record EnqueuePush(string ConnectionId, PushItem Item) : IWithConnectionId, IWireSerializable;

/// <summary>Asks a marketplace entity how its outgoing work stands.</summary>
public sealed record GetMarketplaceStatus(string ConnectionId) : IWithConnectionId, IWireSerializable;

/// <summary>A marketplace connection's live figures and its ledger.</summary>
public sealed record MarketplaceStatus(
    string ConnectionId,
    int Waiting,
    int InFlightItems,
    int BatchLimit,
    DateTimeOffset? PausedUntil,
    int ConsecutiveFailures,
    MarketplaceLedger Ledger) : IWireSerializable;

/// <summary>One bulk call that the platform answered with success (some items may have been refused).</summary>
public sealed record PushBatchDelivered(
    string ConnectionId,
    int Items,
    int Rejected,
    bool Verified,
    DateTimeOffset At,
    IReadOnlyList<RejectedProduct> Rejections) : IMarketplaceEvent;

/// <summary>One bulk call that failed as a whole; its items were queued again or refused.</summary>
public sealed record PushBatchFailed(
    string ConnectionId,
    string Kind,
    string Reason,
    int Items,
    DateTimeOffset At) : IMarketplaceEvent;

/// <summary>A product the platform refused, with its reason.</summary>
public sealed record RejectedProduct(string ProductId, string Reason);
