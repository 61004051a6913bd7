using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Sync;

/// <summary>A message routed to one marketplace connection's entity.</summary>
public interface IWithConnectionId
{
    string ConnectionId { get; }
}

/// <summary>A persisted fact about a marketplace connection.</summary>
public interface IMarketplaceEvent : IWithConnectionId, IWireSerializable;

/// <summary>"Sync all": send every listed product of the connection again; answered with <see cref="SyncAllAccepted"/>.</summary>
public sealed record StartSyncAll(string ConnectionId) : IWithConnectionId, IWireSerializable;

public sealed record SyncAllAccepted(string ConnectionId, int Products) : IWireSerializable;

/// <summary>An operator stops every call to the connection (pushes, order calls, read-back) until resumed;
/// changes keep arriving and wait in the push slices, so nothing is lost. Answered with the <see cref="MarketplaceStatus"/>.</summary>
public sealed record PauseConnection(string ConnectionId, string Reason) : IWithConnectionId, IWireSerializable;

/// <summary>Ends an operator's pause; answered with the <see cref="MarketplaceStatus"/>.</summary>
public sealed record ResumeConnection(string ConnectionId) : IWithConnectionId, IWireSerializable;

/// <summary>A pause by an operator, persisted so that a restart or a move to another node stays paused.</summary>
public sealed record ConnectionPaused(string ConnectionId, string Reason, DateTimeOffset At) : IMarketplaceEvent;

public sealed record ConnectionResumed(string ConnectionId, DateTimeOffset At) : IMarketplaceEvent;

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
    MarketplaceLedger Ledger,
    int? SyncAllTotal = null,
    double? PacingBudget = null) : IWireSerializable
{
    /// <summary>The last "sync all": how many products it re-sends, and how many of the connection's products
    /// are still unconfirmed (newer changes count too).</summary>
    public SyncAllProgress? SyncAll => SyncAllTotal is { } total ? new SyncAllProgress(total, Waiting + InFlightItems) : null;
}

public sealed record SyncAllProgress(int Total, int Remaining);

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
