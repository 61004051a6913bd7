namespace CartonaActors.Domain.Products;

/// <summary>A persisted fact about a range of products.</summary>
public interface IProductRangeEvent : IWireSerializable
{
    string RangeId { get; }
}

/// <summary>What one batch of ERP reads changed for the range's own products: one journal write for many products.</summary>
public sealed record ProductRangeUpdated(string RangeId, IReadOnlyList<ProductUpdated> Updates) : IProductRangeEvent;

/// <summary>These products are their own entities from now on; the range keeps their baseline only to hand it
/// over again (a product that crashed before writing its adoption asks once more).</summary>
public sealed record ProductsAdopted(string RangeId, IReadOnlyList<string> ProductIds) : IProductRangeEvent;

/// <summary>A range's snapshot: its products' state, and which of them are adopted.</summary>
public sealed record ProductRangeSnapshot(string RangeId, IReadOnlyList<ProductState> Products, IReadOnlyList<string> Adopted) : IWireSerializable;

/// <summary>A product entity's first event when it takes over from its range: the range's state of it.</summary>
public sealed record ProductAdopted(string ProductId, long Version, ProductState Baseline) : IProductEvent;
