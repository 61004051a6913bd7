using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Roster;

/// <summary>
/// The product roster of journals written before push slices recorded which products were active. Nothing
/// writes or runs it any more (the product change follower covers what it did); its events stay readable
/// because the follower reads every event of such a journal once.
/// </summary>
public interface IRosterEvent : IWireSerializable
{
    string RosterId { get; }
}

public sealed record ProductEnlisted(string RosterId, string ProductId) : IRosterEvent;

public sealed record ProductDischarged(string RosterId, string ProductId) : IRosterEvent;

/// <summary>Snapshot of one roster bucket.</summary>
public sealed record RosterSnapshot(IReadOnlyList<string> ProductIds) : IWireSerializable;
