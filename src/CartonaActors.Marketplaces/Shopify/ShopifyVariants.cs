using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CartonaActors.Domain.Products;

namespace CartonaActors.Marketplaces.Shopify;

/// <summary>A Shopify variant a listing was found as: the ids its writes need, and the stock Shopify showed
/// per location (the compare value of the next set; refreshed after every set and every conflict).</summary>
internal sealed record ShopifyVariant(string ProductId, string VariantId, string InventoryItemId, IReadOnlyDictionary<string, int> Available);

/// <summary>
/// Listings (by SKU or barcode) found as Shopify variants, looked up in bulk (one <c>productVariants</c> search a
/// chunk of keys) and remembered for the life of the connection's client. Shopify's search matches loosely, so a
/// variant counts only when its SKU or barcode equals the key exactly; a key two variants share is ambiguous.
/// </summary>
internal sealed class ShopifyVariants(int locations, int maxQueryCost)
{
    private readonly ConcurrentDictionary<string, ShopifyVariant> _known = new(StringComparer.Ordinal);

    /// <summary>Inventory levels read per variant when its stock is read again: enough for every configured location.</summary>
    private int Levels => Math.Max(1, locations);

    // Shopify's calculated cost: objects 1, connections 2 + first x node. A variant node (1) with its product (1)
    // and inventory item (1), and when its stock is read, the levels connection (2 + levels x (level, location,
    // quantities)).
    private int VariantCost(bool withStock) => 3 + (withStock ? 2 + Levels * 3 : 0);

    /// <summary>Most nodes one search returns: Shopify's largest page.</summary>
    private const int MaxNodes = 250;

    /// <summary>Keys per search. Shopify's search matches loosely (a prefix, another field), so a search asks for
    /// more nodes than keys; a key whose exact match was crowded out of a full page is searched again alone.</summary>
    public int KeysPerLookup(bool withStock) => Math.Max(1, Math.Min(100, (maxQueryCost - 2) / VariantCost(withStock) / 2));

    public double LookupCost(int keys, bool withStock) => 2 + NodesFor(keys, withStock) * VariantCost(withStock);

    private int NodesFor(int keys, bool withStock) => Math.Min(MaxNodes, Math.Max(keys * 2, Math.Min(keys + 50, (maxQueryCost - 2) / VariantCost(withStock))));

    public ShopifyVariant? Known(ListingRef listing) => _known.GetValueOrDefault(Key(listing));

    /// <param name="withStock">Read the quantities too (after a compare-and-set conflict); a first lookup does not,
    /// as a variant's first set needs no compare value and the levels cost most of the search.</param>
    public (string Query, JsonObject Variables) Lookup(IReadOnlyList<ListingRef> listings, bool withStock)
    {
        var field = listings[0].Kind == ShopifyPlatform.Barcode ? "barcode" : "sku";
        var search = string.Join(" OR ", listings.Select(l => $"{field}:{Quote(l.Value)}"));
        var stock = withStock ? $" inventoryLevels(first:{Levels}){{nodes{{location{{id}} quantities(names:[\"available\"]){{name quantity}}}}}}" : "";
        var query = "query($first:Int!,$q:String!){productVariants(first:$first,query:$q){pageInfo{hasNextPage} nodes{id sku barcode product{id} "
                    + $"inventoryItem{{id{stock}}}}}}}}}";
        return (query, new JsonObject { ["first"] = NodesFor(listings.Count, withStock), ["q"] = search });
    }

    /// <summary>Whether the search's page was full: a key it did not find may have been crowded out.</summary>
    public static bool Truncated(JsonObject data) =>
        data["productVariants"]?["pageInfo"]?["hasNextPage"] is JsonValue v && v.TryGetValue<bool>(out var more) && more;

    /// <summary>Remembers what a lookup found; answers the listings it did not find, with why.</summary>
    public IReadOnlyDictionary<ListingRef, string> Remember(IReadOnlyList<ListingRef> listings, JsonObject data, bool withStock)
    {
        var nodes = (data["productVariants"]?["nodes"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var missing = new Dictionary<ListingRef, string>();
        foreach (var listing in listings)
        {
            var field = listing.Kind == ShopifyPlatform.Barcode ? "barcode" : "sku";
            var matches = nodes.Where(n => Text(n[field]) == listing.Value).ToList();
            if (matches.Count != 1)
            {
                _known.TryRemove(Key(listing), out _);
                missing[listing] = matches.Count == 0 ? $"no Shopify variant has {field} {listing.Value}"
                    : $"{matches.Count} Shopify variants have {field} {listing.Value}; it must name one";
                continue;
            }
            var n = matches[0];
            // Without the levels, what Shopify showed is unknown, except what this client set itself.
            var available = withStock ? new Dictionary<string, int>(StringComparer.Ordinal)
                : new Dictionary<string, int>(_known.GetValueOrDefault(Key(listing))?.Available ?? new Dictionary<string, int>(), StringComparer.Ordinal);
            foreach (var level in (n["inventoryItem"]?["inventoryLevels"]?["nodes"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var location = Text(level["location"]?["id"]);
                var quantity = (level["quantities"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(q => Text(q["name"]) == "available")?["quantity"];
                if (location is not null && quantity is JsonValue v && v.TryGetValue<int>(out var qty)) available[location] = qty;
            }
            var product = Text(n["product"]?["id"]);
            var item = Text(n["inventoryItem"]?["id"]);
            var id = Text(n["id"]);
            if (product is null || item is null || id is null)
            {
                missing[listing] = $"Shopify's answer for {field} {listing.Value} lacks its product or inventory item id";
                continue;
            }
            _known[Key(listing)] = new ShopifyVariant(product, id, item, available);
        }
        return missing;
    }

    /// <summary>Shopify now shows <paramref name="quantity"/> at <paramref name="location"/>.</summary>
    public void Set(ListingRef listing, string location, int quantity)
    {
        if (_known.TryGetValue(Key(listing), out var v))
            _known[Key(listing)] = v with { Available = new Dictionary<string, int>(v.Available) { [location] = quantity } };
    }

    private static string Key(ListingRef listing) => listing.Kind + "|" + listing.Value;

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
