namespace CartonaActors.Sandbox.Cartona;

/// <summary>One bulk-update row the emulator applied, with when; lets benchmarks measure end-to-end latency.</summary>
public sealed record AppliedItem(
    long SupplierProductId,
    string? InternalProductId,
    string? SellingPrice,
    int AvailableStockQuantity,
    bool IsUnlimitedStock,
    DateTimeOffset AppliedAt);
