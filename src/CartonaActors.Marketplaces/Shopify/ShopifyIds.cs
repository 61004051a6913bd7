using System.Globalization;

namespace CartonaActors.Marketplaces.Shopify;

/// <summary>Shopify's global ids (<c>gid://shopify/Order/123</c>) and the numeric ids its webhooks and admin use.</summary>
internal static class ShopifyIds
{
    public static string Gid(string type, string id) =>
        id.StartsWith("gid://", StringComparison.Ordinal) ? id : $"gid://shopify/{type}/{id}";

    /// <summary>The numeric tail of a gid (what the order is known by here), or the text itself when it is none.</summary>
    public static string Tail(string gid)
    {
        var slash = gid.LastIndexOf('/');
        var tail = slash >= 0 ? gid[(slash + 1)..] : gid;
        var query = tail.IndexOf('?');
        return query >= 0 ? tail[..query] : tail;
    }

    public static long? Number(string gid) =>
        long.TryParse(Tail(gid), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
