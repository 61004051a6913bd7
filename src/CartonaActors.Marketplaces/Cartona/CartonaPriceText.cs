using System.Globalization;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>
/// Prices go to Cartona as text, the way its own Odoo module sends them (Python float text: "12.5", "100.0"),
/// so whole prices keep a ".0" rather than risk being read as something other than a price.
/// </summary>
internal static class CartonaPriceText
{
    public static string Format(decimal price)
    {
        var text = price.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.') ? text : text + ".0";
    }
}
