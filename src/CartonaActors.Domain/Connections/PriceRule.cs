namespace CartonaActors.Domain.Connections;

/// <summary>
/// How a connection's price follows the ERP's: a markup (negative: a discount) in percent, rounded half away from
/// zero to the platform's precision, never below a minimum. The ERP price itself is left as it is; the product's
/// state shows both.
/// </summary>
public sealed record PriceRule(decimal MarkupPercent, int Decimals, decimal? MinimumPrice)
{
    public static readonly PriceRule None = new(0, 2, null);

    public decimal Apply(decimal erpPrice)
    {
        var price = erpPrice * (1 + MarkupPercent / 100m);
        price = Math.Round(price, Math.Clamp(Decimals, 0, 6), MidpointRounding.AwayFromZero);
        if (MinimumPrice is { } min && price < min) price = min;
        return price < 0 ? 0 : price;
    }

    /// <summary>Null when the rule can work; else what is wrong (names the setting).</summary>
    public string? Problem() =>
        MarkupPercent <= -100 ? $"PriceMarkupPercent {MarkupPercent} must be greater than -100"
        : Decimals is < 0 or > 6 ? $"PriceDecimals {Decimals} must be between 0 and 6"
        : MinimumPrice is < 0 ? $"MinimumPrice {MinimumPrice} must not be negative"
        : null;
}
