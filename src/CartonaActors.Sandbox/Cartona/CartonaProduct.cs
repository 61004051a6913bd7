namespace CartonaActors.Sandbox.Cartona;

/// <summary>A snapshot of one supplier product as the emulated Cartona holds it.</summary>
/// <param name="SellingPrice">The price text exactly as last sent; null until a price is pushed.</param>
public sealed record CartonaProduct(
    long SupplierProductId,
    string? InternalProductId,
    string? SellingPrice,
    int AvailableStockQuantity,
    bool IsUnlimitedStock,
    bool IsPublished = true)
{
    /// <summary>Derived the way the marketplace shows it to retailers.</summary>
    public bool InStock => IsUnlimitedStock || AvailableStockQuantity > 0;

    /// <summary>Whether retailers can order it.</summary>
    public bool OnSale => IsPublished && InStock;
}
