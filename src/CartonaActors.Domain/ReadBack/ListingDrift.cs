using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.ReadBack;

/// <summary>Whether a marketplace still shows what it confirmed. Only what was sent is compared, and only what
/// the marketplace shows: a value we never send (a publish flag untouched, stock of an unlimited product) or
/// one its list leaves out is its own business.</summary>
public static class ListingDrift
{
    public static bool Shows(PushedValues confirmed, PushedValues shown)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        ArgumentNullException.ThrowIfNull(shown);
        if (confirmed.Price is { } price && shown.Price is { } shownPrice && price != shownPrice) return false;
        if (confirmed.UnlimitedStock is { } unlimited && shown.UnlimitedStock is { } shownUnlimited && unlimited != shownUnlimited) return false;
        if (confirmed.UnlimitedStock != true && confirmed.Quantity is { } qty && shown.Quantity is { } shownQty && qty != shownQty) return false;
        if (confirmed.Published is { } published && shown.Published is { } shownPublished && published != shownPublished) return false;
        if (confirmed.ByLocation is { } locations && shown.ByLocation is { } shownLocations)
            foreach (var (location, q) in locations)
                if (shownLocations.TryGetValue(location, out var s) && s != q) return false;
        return true;
    }
}
