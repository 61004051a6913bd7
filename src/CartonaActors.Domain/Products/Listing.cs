namespace CartonaActors.Domain.Products;

/// <summary>A product's presence on one marketplace connection and what that connection last confirmed.</summary>
public sealed record Listing(
    string ConnectionId,
    ListingRef Ref,
    PushedValues? Acknowledged,
    long AcknowledgedVersion,
    string? LastRejection,
    long RejectedVersion);
