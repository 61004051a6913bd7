using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.ReadBack;

/// <summary>One page of a marketplace's own product list, numbered from 1.</summary>
public sealed record ListingPageRequest(int Page, int PerPage);

/// <summary>A product as the marketplace lists it: every id it is known by there (a listing may be kept under
/// any of them) and the values it shows, in the neutral form pushes are made in (null: not shown).</summary>
public sealed record ListedProduct(IReadOnlyList<ListingRef> Refs, PushedValues Shown) : IWireSerializable;

/// <summary>A page of the marketplace's list; <see cref="Last"/> when no page follows.</summary>
public sealed record ListingPage(IReadOnlyList<ListedProduct> Items, bool Last);
