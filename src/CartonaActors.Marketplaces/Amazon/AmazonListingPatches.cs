using System.Text.Json.Nodes;
using CartonaActors.Domain.Products;

namespace CartonaActors.Marketplaces.Amazon;

/// <summary>
/// An item's values as Listings Items JSON patches, the same for a <c>patchListingsItem</c> call and a
/// <c>JSON_LISTINGS_FEED</c> message: the offer price replaced (<c>purchasable_offer.our_price</c>), the
/// merchant-fulfilled quantity merged (<c>fulfillment_availability</c>, channel DEFAULT), so no other attribute
/// of the listing is touched. Amazon keeps one quantity per listing: the connection's warehouses are summed.
/// </summary>
internal static class AmazonListingPatches
{
    public static JsonArray For(PushedValues values, AmazonSettings own)
    {
        var patches = new JsonArray();
        if (values.Price is { } price)
            patches.Add(new JsonObject
            {
                ["op"] = "replace", ["path"] = "/attributes/purchasable_offer",
                ["value"] = new JsonArray(new JsonObject
                {
                    ["marketplace_id"] = own.MarketplaceId, ["currency"] = own.Currency,
                    ["our_price"] = new JsonArray(new JsonObject { ["schedule"] = new JsonArray(new JsonObject { ["value_with_tax"] = price }) }),
                }),
            });
        if (Quantity(values, own) is { } quantity)
            patches.Add(new JsonObject
            {
                ["op"] = "merge", ["path"] = "/attributes/fulfillment_availability",
                ["value"] = new JsonArray(new JsonObject { ["fulfillment_channel_code"] = "DEFAULT", ["quantity"] = quantity }),
            });
        return patches;
    }

    private static int? Quantity(PushedValues values, AmazonSettings own) =>
        values.UnlimitedStock is true ? own.UnlimitedQuantity : values.Quantity;

    /// <summary>The body of <c>patchListingsItem</c>.</summary>
    public static JsonObject Request(PushItem item, AmazonSettings own) =>
        new() { ["productType"] = own.ProductType, ["patches"] = For(item.Values, own) };

    /// <summary>A <c>JSON_LISTINGS_FEED</c> document: message <c>i + 1</c> is item <c>i</c>.</summary>
    public static string Feed(IReadOnlyList<PushItem> items, AmazonSettings own)
    {
        var messages = new JsonArray();
        for (var i = 0; i < items.Count; i++)
            messages.Add(new JsonObject
            {
                ["messageId"] = i + 1, ["sku"] = items[i].Ref.Value, ["operationType"] = "PATCH",
                ["productType"] = own.ProductType, ["patches"] = For(items[i].Values, own),
            });
        return new JsonObject
        {
            ["header"] = new JsonObject { ["sellerId"] = own.SellerId, ["version"] = "2.0", ["issueLocale"] = "en_US" },
            ["messages"] = messages,
        }.ToJsonString();
    }
}
