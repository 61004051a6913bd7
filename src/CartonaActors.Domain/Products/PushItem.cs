namespace CartonaActors.Domain.Products;

/// <summary>One product's latest values bound for one marketplace connection.</summary>
/// <param name="Version">The product version these values were taken at; a lower one never replaces a higher one.</param>
/// <param name="Origin">When (and under which trace) the change was accepted; null after a restart or for a resend.</param>
public sealed record PushItem(string ProductId, string ConnectionId, ListingRef Ref, PushedValues Values, long Version, ChangeOrigin? Origin = null);
