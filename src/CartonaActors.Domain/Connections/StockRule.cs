namespace CartonaActors.Domain.Connections;

/// <summary>
/// How much of the free quantity a connection is shown: <see cref="SafetyBuffer"/> units are kept back (for the
/// shop counter, for other channels), at most <see cref="MaximumShown"/> are shown, and anything below
/// <see cref="ZeroBelow"/> is shown as zero (a marketplace that sells the last two units oversells under load).
/// Applied after aggregation and oversell holds, so never negative.
/// </summary>
public sealed record StockRule(int SafetyBuffer, int? MaximumShown, int ZeroBelow)
{
    public static readonly StockRule None = new(0, null, 0);

    public int Apply(int freeQuantity)
    {
        var shown = Math.Max(0, freeQuantity - SafetyBuffer);
        if (MaximumShown is { } max && shown > max) shown = max;
        return shown < ZeroBelow ? 0 : shown;
    }

    public string? Problem() =>
        SafetyBuffer < 0 ? $"StockSafetyBuffer {SafetyBuffer} must not be negative"
        : MaximumShown is < 0 ? $"StockMaximumShown {MaximumShown} must not be negative"
        : ZeroBelow < 0 ? $"StockZeroBelow {ZeroBelow} must not be negative"
        : null;
}
