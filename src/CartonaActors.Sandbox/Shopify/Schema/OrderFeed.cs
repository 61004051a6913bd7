using System.Globalization;
using CartonaActors.Sandbox.Shopify.GraphQL;
using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify.Schema;

/// <summary>
/// <c>orders(first, after, sortKey, reverse, query)</c>: sorted by (sort value, id) so same-second ties keep one
/// order, paged by position cursors (<see cref="Keyset"/>), filtered by <c>updated_at</c>/<c>created_at</c>
/// comparisons at second precision. The sort key defaults to ID, as in Shopify.
/// </summary>
internal static class OrderFeed
{
    public static Page Page(ShopState shop, GqlSelection selection)
    {
        var sortKey = selection.Arg("sortKey") as string ?? "ID";
        Func<OrderEntity, long> value = sortKey switch
        {
            "UPDATED_AT" => o => o.UpdatedAt.ToUnixTimeSeconds(),
            "CREATED_AT" or "PROCESSED_AT" => o => o.CreatedAt.ToUnixTimeSeconds(),
            "ID" => _ => 0,
            _ => throw new GqlException($"Argument 'sortKey' on Field 'orders' has an invalid value ({sortKey}). Expected type 'OrderSortKeys'.",
                "argumentLiteralsIncompatible"),
        };
        var groups = SearchQuery.Parse(selection.Arg("query") as string);
        var rows = shop.Orders.Where(o => groups.Count == 0 || groups.Any(g => g.All(t => Matches(o, t))));
        return Keyset.Page(rows, o => (value(o), Gid.Number(o.Id)), ConnectionArgs.Reverse(selection), ConnectionArgs.First(selection),
            ConnectionArgs.After(selection));
    }

    private static bool Matches(OrderEntity order, SearchTerm term)
    {
        DateTimeOffset? at = term.Field switch
        {
            "updated_at" => order.UpdatedAt,
            "created_at" or "processed_at" => order.CreatedAt,
            _ => null,
        };
        if (term.Field == "name") return order.Name.TrimStart('#') == term.Value.TrimStart('#');
        if (term.Field == "id") return Gid.Number(order.Id).ToString(CultureInfo.InvariantCulture) == term.Value;
        if (at is null) return true;
        if (!DateTimeOffset.TryParse(term.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var bound)) return true;
        var left = at.Value.ToUnixTimeSeconds();
        var right = bound.ToUnixTimeSeconds();
        return term.Op switch
        {
            ">" => left > right,
            ">=" => left >= right,
            "<" => left < right,
            "<=" => left <= right,
            _ => left == right,
        };
    }
}
