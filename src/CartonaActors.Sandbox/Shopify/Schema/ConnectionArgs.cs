using CartonaActors.Sandbox.Shopify.GraphQL;

namespace CartonaActors.Sandbox.Shopify.Schema;

/// <summary>Reads a connection's paging arguments the way Shopify does: one of first/last is required, page size
/// is capped at 250.</summary>
internal static class ConnectionArgs
{
    public const int MaxPageSize = 250;

    public static int First(GqlSelection selection)
    {
        var value = selection.Arg("first") ?? selection.Arg("last");
        if (value is null) throw new GqlException("you must provide one of first or last", "BAD_REQUEST", [selection.Key]);
        var n = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        if (n < 0) throw new GqlException("first must be non-negative", "BAD_REQUEST", [selection.Key]);
        return (int)Math.Min(n, MaxPageSize);
    }

    public static string? After(GqlSelection selection) => selection.Arg("after") as string;

    public static bool Reverse(GqlSelection selection) => selection.Arg("reverse") is true;
}
