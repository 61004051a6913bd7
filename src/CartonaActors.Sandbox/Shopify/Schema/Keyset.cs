using System.Text;
using System.Text.Json;
using CartonaActors.Sandbox.Shopify.GraphQL;

namespace CartonaActors.Sandbox.Shopify.Schema;

/// <summary>
/// Cursor paging by position, the way Shopify's opaque cursors work: a cursor is base64 of
/// <c>{"last_id":n,"last_value":v}</c> — the sort value and id of the last row seen — and the next page starts
/// strictly after that position in (value, id) order. A row that changes while a client pages (its updatedAt
/// moves) is thus neither skipped nor repeated by the shifting of others; it reappears later only because it
/// really changed.
/// </summary>
internal static class Keyset
{
    public static Page Page<T>(IEnumerable<T> rows, Func<T, (long Value, long Id)> key, bool reverse, int first, string? after)
        where T : notnull
    {
        var ordered = reverse
            ? rows.OrderByDescending(r => key(r).Value).ThenByDescending(r => key(r).Id)
            : rows.OrderBy(r => key(r).Value).ThenBy(r => key(r).Id);
        IEnumerable<T> rest = ordered;
        if (after is not null)
        {
            var position = Decode(after);
            rest = ordered.Where(r => Compare(key(r), position) * (reverse ? -1 : 1) > 0);
        }
        var remaining = rest.ToList();
        var page = remaining.Take(first).ToList();
        return new Page(page.Cast<object>().ToList(), page.Select(r => Encode(key(r))).ToList(), remaining.Count > page.Count, after is not null);
    }

    private static int Compare((long Value, long Id) a, (long Value, long Id) b) =>
        a.Value != b.Value ? a.Value.CompareTo(b.Value) : a.Id.CompareTo(b.Id);

    private static string Encode((long Value, long Id) key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"last_id\":{key.Id},\"last_value\":{key.Value}}}"));

    private static (long Value, long Id) Decode(string cursor)
    {
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(cursor));
            return (json.RootElement.GetProperty("last_value").GetInt64(), json.RootElement.GetProperty("last_id").GetInt64());
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new GqlException("Invalid cursor for current pagination sort.", "BAD_REQUEST");
        }
    }
}
