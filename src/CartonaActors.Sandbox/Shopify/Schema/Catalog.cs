using CartonaActors.Sandbox.Shopify.GraphQL;
using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify.Schema;

/// <summary><c>productVariants(first, after, query)</c>: variants by id, filtered by <c>sku:</c> / <c>barcode:</c>
/// terms (exact match, quoted or bare, OR-joined).</summary>
internal static class Catalog
{
    public static Page Variants(ShopState shop, GqlSelection selection)
    {
        var groups = SearchQuery.Parse(selection.Arg("query") as string);
        var rows = shop.Variants.Where(v => groups.Count == 0 || groups.Any(g => g.All(t => Matches(v, t))));
        return Keyset.Page(rows, v => (0, Gid.Number(v.Id)), ConnectionArgs.Reverse(selection), ConnectionArgs.First(selection),
            ConnectionArgs.After(selection));
    }

    private static bool Matches(VariantEntity v, SearchTerm term) => term.Field switch
    {
        "sku" => string.Equals(v.Sku, term.Value, StringComparison.OrdinalIgnoreCase),
        "barcode" => string.Equals(v.Barcode, term.Value, StringComparison.OrdinalIgnoreCase),
        "product_id" => Gid.Number(v.Product.Id).ToString(System.Globalization.CultureInfo.InvariantCulture) == term.Value,
        "id" => Gid.Number(v.Id).ToString(System.Globalization.CultureInfo.InvariantCulture) == term.Value,
        // Shopify ignores filters it does not know (with a search warning); so does the emulator.
        _ => true,
    };
}
