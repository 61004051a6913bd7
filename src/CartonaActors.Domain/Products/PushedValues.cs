namespace CartonaActors.Domain.Products;

/// <summary>
/// The values a marketplace shows (or should show) for one product. Null means "not known, not sent".
/// Quantity is already aggregated over the connection's warehouses and clamped at zero.
/// </summary>
public sealed record PushedValues(decimal? Price, bool? UnlimitedStock, int? Quantity)
{
    public bool IsEmpty() => Price is null && UnlimitedStock is null && Quantity is null;
}
