namespace CartonaActors.Domain.Products;

/// <summary>Which of the marketplace's product identifiers a listing uses.</summary>
public enum ExternalIdKind
{
    /// <summary>Cartona <c>internal_product_id</c>: the supplier's own (ERP) id stored on Cartona.</summary>
    InternalProductId,
    /// <summary>Cartona <c>supplier_product_id</c>: Cartona's id for the supplier product.</summary>
    SupplierProductId,
}

/// <summary>How a marketplace knows this product.</summary>
public sealed record ExternalProductRef(ExternalIdKind Kind, string Value);
