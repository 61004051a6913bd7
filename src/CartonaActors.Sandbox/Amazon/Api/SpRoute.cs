namespace CartonaActors.Sandbox.Amazon.Api;

/// <summary>A request matched to its SP-API operation and path parameters.</summary>
internal sealed record SpRoute(string Operation, string[] Args)
{
    /// <summary>Matches method and path (no leading slash) against the operations served; null when none matches.</summary>
    public static SpRoute? Match(string method, string path)
    {
        var s = path.Split('/');
        string Arg(int i) => Uri.UnescapeDataString(s[i]);
        return (method, s.Length) switch
        {
            ("PATCH", 5) when s[0] == "listings" && s[1] == "2021-08-01" && s[2] == "items" => new("patchListingsItem", [Arg(3), Arg(4)]),
            ("GET", 5) when s[0] == "listings" && s[1] == "2021-08-01" && s[2] == "items" => new("getListingsItem", [Arg(3), Arg(4)]),
            ("POST", 3) when s[0] == "feeds" && s[1] == "2021-06-30" && s[2] == "documents" => new("createFeedDocument", []),
            ("GET", 4) when s[0] == "feeds" && s[1] == "2021-06-30" && s[2] == "documents" => new("getFeedDocument", [Arg(3)]),
            ("POST", 3) when s[0] == "feeds" && s[1] == "2021-06-30" && s[2] == "feeds" => new("createFeed", []),
            ("GET", 4) when s[0] == "feeds" && s[1] == "2021-06-30" && s[2] == "feeds" => new("getFeed", [Arg(3)]),
            ("DELETE", 4) when s[0] == "feeds" && s[1] == "2021-06-30" && s[2] == "feeds" => new("cancelFeed", [Arg(3)]),
            ("GET", 3) when s[0] == "orders" && s[1] == "2026-01-01" && s[2] == "orders" => new("searchOrders", []),
            ("GET", 4) when s[0] == "orders" && s[1] == "2026-01-01" && s[2] == "orders" => new("getOrder", [Arg(3)]),
            ("POST", 5) when s[0] == "orders" && s[1] == "v0" && s[2] == "orders" && s[4] == "shipmentConfirmation" => new("confirmShipment", [Arg(3)]),
            _ => null,
        };
    }
}
