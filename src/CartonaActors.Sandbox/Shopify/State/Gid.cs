namespace CartonaActors.Sandbox.Shopify.State;

/// <summary>Shopify's global ids, <c>gid://shopify/&lt;Type&gt;/&lt;n&gt;</c>.</summary>
internal static class Gid
{
    public static string Of(string type, long id) => $"gid://shopify/{type}/{id}";

    /// <summary>The numeric tail of a gid (what REST payloads and webhooks carry as <c>id</c>).</summary>
    public static long Number(string gid) =>
        long.TryParse(gid.AsSpan(gid.LastIndexOf('/') + 1), out var n) ? n : 0;
}
