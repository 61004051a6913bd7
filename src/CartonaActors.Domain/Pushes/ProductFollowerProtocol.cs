using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Pushes;

/// <summary>
/// From the product change follower: the product wrote an event at <see cref="Version"/> (journal position
/// <see cref="Ordering"/>); answer <see cref="ProductOffered"/> once the push slices hold what that version means
/// for every connection. Starting a product that stopped is the point after a crash.
/// </summary>
public sealed record EnsureOffered(string ProductId, long Version, long Ordering) : IWithProductId, IWireSerializable;

public sealed record ProductOffered(string ProductId, long Ordering) : IWireSerializable;

/// <summary>A message routed to the (one) product change follower.</summary>
public interface IWithFollowerId
{
    string FollowerId { get; }
}

/// <summary>Start the follower (and so its stream) before anything else needs it.</summary>
public sealed record StartProductFollower(string FollowerId) : IWithFollowerId, IWireSerializable;

/// <summary>Where the follower stands; answered with <see cref="FollowerPosition"/>.</summary>
public sealed record GetFollowerPosition(string FollowerId) : IWithFollowerId, IWireSerializable;

/// <param name="Saved">Stored position: every product event up to it is offered.</param>
/// <param name="HighestSeen">The newest journal position its stream has read.</param>
/// <param name="Open">Product events read and not yet confirmed offered by their products.</param>
public sealed record FollowerPosition(bool Following, long Saved, long HighestSeen, int Open) : IWireSerializable;

/// <summary>The follower's snapshot: every product event at or before this journal position is offered.</summary>
public sealed record ProductFollowerOffset(long Ordering) : IWireSerializable;
