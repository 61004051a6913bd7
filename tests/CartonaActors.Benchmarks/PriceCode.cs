using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>Carries a change's sequence number in its price (price = seq / 100 + 1), so every item the
/// marketplace applies says which change it holds.</summary>
public static class PriceCode
{
    public static decimal Encode(long seq) => seq / 100m + 1;

    public static string Json(long seq) => Encode(seq).ToString(CultureInfo.InvariantCulture);

    /// <summary>The sequence a marketplace price text carries, or -1 when it carries none.</summary>
    public static long Decode(string? sellingPrice) =>
        decimal.TryParse(sellingPrice, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) && price >= 1
            ? (long)Math.Round((price - 1) * 100)
            : -1;
}
