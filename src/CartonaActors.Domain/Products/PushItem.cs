namespace CartonaActors.Domain.Products;

/// <summary>One product's latest values bound for one marketplace connection.</summary>
/// <param name="Version">The product version these values were taken at; a lower one never replaces a higher one.</param>
public sealed record PushItem(string ProductId, string ConnectionId, ListingRef Ref, PushedValues Values, long Version);
