namespace CartonaActors.Domain.Products;

/// <summary>A message routed to one product range.</summary>
public interface IWithRangeId
{
    string RangeId { get; }
}

/// <summary>ERP reads for products of one range. The range applies those it still holds and forwards the others
/// to their product entities; answered with <see cref="RangeProductsUpdated"/>, one result per update, in order.
/// Keep it under a few hundred updates: it may cross nodes.</summary>
public sealed record UpdateRangeProducts(string RangeId, IReadOnlyList<UpdateProduct> Updates) : IWithRangeId, IWireSerializable;

public sealed record RangeProductsUpdated(string RangeId, IReadOnlyList<ProductUpdateResult> Results) : IWireSerializable;

/// <summary>A product entity starting with an empty journal takes its state over from its range; answered with
/// <see cref="ProductBaseline"/> once the range has durably stopped owning it.</summary>
public sealed record AdoptProduct(string RangeId, string ProductId) : IWithRangeId, IWireSerializable;

/// <summary>The range's state of the product (null: the range never held it).</summary>
public sealed record ProductBaseline(string ProductId, ProductState? Baseline) : IWireSerializable;

/// <summary>From the product change follower: answer <see cref="Pushes.ProductOffered"/> once the push slices
/// hold what the range's own products should show.</summary>
public sealed record EnsureRangeOffered(string RangeId, long Ordering) : IWithRangeId, IWireSerializable;
