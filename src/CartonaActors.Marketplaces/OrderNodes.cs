using System.Text.Json.Nodes;
using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces;

/// <summary>Reads a page's order objects one at a time: one that cannot be read becomes an <see cref="UnreadableOrder"/>
/// (kept whole, with why) and the rest of the page still counts.</summary>
public static class OrderNodes
{
    /// <param name="unreadable">Whether an exception <paramref name="read"/> threw means the order cannot be read
    /// (anything else is a bug and is thrown).</param>
    public static (List<MarketplaceOrder> Orders, List<UnreadableOrder> Unreadable) Read(JsonArray nodes, Func<JsonObject, MarketplaceOrder> read,
        Func<JsonObject, string?> idOf, Func<Exception, bool> unreadable, Func<string, string> excerpt)
    {
        var orders = new List<MarketplaceOrder>();
        var bad = new List<UnreadableOrder>();
        foreach (var node in nodes)
        {
            if (node is not JsonObject o)
            {
                bad.Add(new UnreadableOrder(null, "order is not a JSON object", node?.ToJsonString() ?? "null"));
                continue;
            }
            try
            {
                orders.Add(read(o));
            }
            catch (Exception ex) when (unreadable(ex) || ex is InvalidOperationException or FormatException)
            {
                bad.Add(new UnreadableOrder(idOf(o), excerpt(ex.Message), o.ToJsonString()));
            }
        }
        return (orders, bad);
    }
}
