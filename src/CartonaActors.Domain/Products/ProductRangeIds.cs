using System.Globalization;

namespace CartonaActors.Domain.Products;

/// <summary>
/// ERP variants are held in ranges of consecutive ids until something needs the product on its own (see
/// <see cref="ProductRange"/>): a catalog page of sorted ids then lands in one or two ranges. Only ids made of
/// digits have a range; any other product id is its own entity from the start. The size is fixed for the life of
/// a journal: changing it would put a product's baseline in a range that does not hold it.
/// </summary>
public static class ProductRangeIds
{
    public const int Size = 1000;
    private const string Prefix = "range-";

    public static string? Of(string productId) =>
        productId.Length is > 0 and <= 18 && long.TryParse(productId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Prefix + (id / Size).ToString(CultureInfo.InvariantCulture)
            : null;

    public static bool IsRange(string id) => id.StartsWith(Prefix, StringComparison.Ordinal);
}
