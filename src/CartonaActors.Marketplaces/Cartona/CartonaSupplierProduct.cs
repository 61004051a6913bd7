namespace CartonaActors.Marketplaces.Cartona;

/// <summary>One supplier product as Cartona lists it; used to read back what a push left on the platform.</summary>
/// <param name="Id">Cartona's supplier_product_id.</param>
/// <param name="SellingPrice">The price text as Cartona holds it.</param>
public sealed record CartonaSupplierProduct(
    long Id,
    string? InternalProductId,
    string? SellingPrice,
    int? AvailableStockQuantity,
    bool IsUnlimitedStock,
    bool? IsPublished = null);
