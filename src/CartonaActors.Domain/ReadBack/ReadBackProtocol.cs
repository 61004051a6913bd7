using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.ReadBack;

/// <summary>A page of the marketplace's list for one slice to compare with what it confirmed. Every slice of the
/// connection gets every page: the list is keyed by the marketplace's ids, the slices by product.</summary>
/// <param name="ReadAt">When the page's call was made: what was settled after that is not judged by it.</param>
public sealed record CompareListings(string SliceId, long PassId, int Page, DateTimeOffset ReadAt, IReadOnlyList<ListedProduct> Items)
    : IWithSliceId, IWireSerializable;

/// <summary>The pass has read its last page (<see cref="Pages"/> in all): the slice reports, and sends again what
/// it confirmed before the pass began that no page listed.</summary>
public sealed record FinishReadBack(string SliceId, long PassId, int Pages, DateTimeOffset StartedAt) : IWithSliceId, IWireSerializable;

/// <summary>A slice's figures for one pass. <see cref="Complete"/>: it saw every page, so <see cref="Missing"/>
/// was looked for.</summary>
public sealed record ReadBackFinished(string SliceId, long PassId, int Compared, int Drifted, int Missing, bool Complete) : IWireSerializable;

/// <summary>One read-back pass over a connection's marketplace list (journaled by the marketplace entity).</summary>
/// <param name="Compared">Products whose confirmed values were compared with what the marketplace shows.</param>
/// <param name="Drifted">Of those, showing other values: sent again.</param>
/// <param name="Missing">Confirmed but listed on no page: sent again.</param>
/// <param name="IncompleteSlices">Slices that did not see the whole pass (restarted, or answered too late), so did
/// not look for missing products.</param>
public sealed record ListingsReadBack(string ConnectionId, int Pages, int Listed, int Compared, int Drifted, int Missing,
    int IncompleteSlices, DateTimeOffset StartedAt, DateTimeOffset FinishedAt) : IMarketplaceEvent;
