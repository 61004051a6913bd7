using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Roster;

/// <summary>
/// The product roster: which products are active (and so may hold unconfirmed pushes), spread over a fixed
/// number of buckets. A product enlists before it writes anything and is discharged only when it stops with
/// everything confirmed, so after a crash the roster knows every product that must be woken to push again,
/// without remembering the whole catalog.
/// </summary>
public interface IWithRosterId
{
    string RosterId { get; }
}

public static class RosterBuckets
{
    /// <summary>The roster bucket of a product: a hash stable across processes and versions (FNV-1a).</summary>
    public static string Of(string productId, int buckets)
    {
        uint hash = 2166136261;
        foreach (var c in productId)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return Name((int)(hash % (uint)buckets));
    }

    public static string Name(int bucket) => "roster-" + bucket.ToString("D3");
}

public sealed record EnlistProduct(string RosterId, string ProductId) : IWithRosterId, IWireSerializable;

public sealed record ProductEnlistedReply(string ProductId) : IWireSerializable;

public sealed record DischargeProduct(string RosterId, string ProductId) : IWithRosterId, IWireSerializable;

/// <summary>Start a roster bucket (and so load its remembered state) before any product needs it.</summary>
public sealed record StartRoster(string RosterId) : IWithRosterId, IWireSerializable;

/// <summary>Sent by the roster after a restart to a product that was active; starting it is the point.</summary>
public sealed record WakeProduct(string ProductId) : IWithProductId, IWireSerializable;

public interface IRosterEvent : IWithRosterId, IWireSerializable;

public sealed record ProductEnlisted(string RosterId, string ProductId) : IRosterEvent;

public sealed record ProductDischarged(string RosterId, string ProductId) : IRosterEvent;

/// <summary>Snapshot of one roster bucket.</summary>
public sealed record RosterSnapshot(IReadOnlyList<string> ProductIds) : IWireSerializable;
