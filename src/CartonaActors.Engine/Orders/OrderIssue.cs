using CartonaActors.Domain.Sync;

namespace CartonaActors.Engine.Orders;

/// <summary>Published on the node's event stream when an order is held, flagged or a status is refused.</summary>
public sealed record OrderIssue(string OrderId, SyncIssue Issue);
