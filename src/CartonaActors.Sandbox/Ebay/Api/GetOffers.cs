using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Ebay.State;
using Microsoft.AspNetCore.WebUtilities;

namespace CartonaActors.Sandbox.Ebay.Api;

/// <summary>
/// <c>GET sell/inventory/v1/offer?sku=..[&amp;marketplace_id=..][&amp;format=..][&amp;limit=..][&amp;offset=..]</c>: the offers of
/// one SKU (here always one PUBLISHED FIXED_PRICE offer) in eBay's <c>Offers</c> container. The sku is required (at most
/// 50 characters); marketplace_id and format only narrow the result. Per eBay's docs, limit defaults to 100 and offset is
/// the page number (0 = first page). A SKU with no matching offer is 404 with 25713. Reading changes nothing.
/// </summary>
internal sealed class GetOffers(EbayEmulatorOptions options, EbayStore store, string baseUrl)
{
    public const int DefaultLimit = 100, MaxSkuLength = 50;

    public ApiAnswer Handle(string? rawQuery)
    {
        var query = QueryHelpers.ParseQuery(rawQuery?.TrimStart('?') ?? "");
        string? Get(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;

        var sku = Get("sku");
        if (string.IsNullOrWhiteSpace(sku) || sku.Length > MaxSkuLength)
            return EbayErrors.Answer(400, EbayErrors.Inventory(25707,
                "This is an invalid value for a SKU. Only alphanumeric characters can be used for SKUs, and their length must not exceed 50 characters"));
        var limit = DefaultLimit;
        if (Get("limit") is { } l && (!int.TryParse(l, out limit) || limit < 1))
            return EbayErrors.Answer(400, EbayErrors.Inventory(25706, $"You have provided invalid pagination values. limit: {l}."));
        var offset = 0;
        if (Get("offset") is { } o && (!int.TryParse(o, out offset) || offset < 0))
            return EbayErrors.Answer(400, EbayErrors.Inventory(25706, $"You have provided invalid pagination values. offset: {o}."));
        var format = Get("format");
        if (format is not null && format is not ("FIXED_PRICE" or "AUCTION"))
            return EbayErrors.Answer(400, EbayErrors.Inventory(25709, $"Invalid value for format. {format} is not a listing format."));
        var marketplace = Get("marketplace_id");

        lock (store.Gate)
        {
            var offers = new List<Listing>();
            if (store.BySku.TryGetValue(sku, out var listing) && (format ?? "FIXED_PRICE") == "FIXED_PRICE" &&
                (marketplace ?? options.MarketplaceId) == options.MarketplaceId)
                offers.Add(listing);
            if (offers.Count == 0) return EbayErrors.Answer(404, EbayErrors.Inventory(25713, "This Offer is not available."));

            var skip = (long)offset * limit;
            var page = offers.Skip((int)Math.Min(skip, int.MaxValue)).Take(limit).ToList();
            string Url(int at) => baseUrl + "sell/inventory/v1/offer?sku=" + Uri.EscapeDataString(sku) +
                (marketplace is null ? "" : "&marketplace_id=" + Uri.EscapeDataString(marketplace)) +
                (format is null ? "" : "&format=" + format) + $"&limit={limit}&offset={at}";
            var body = new JsonObject { ["href"] = Url(offset), ["limit"] = limit };
            if (skip + limit < offers.Count) body["next"] = Url(offset + 1);
            body["offers"] = new JsonArray(page.Select(x => (JsonNode)Offer(x)).ToArray());
            if (offset > 0) body["prev"] = Url(offset - 1);
            body["size"] = page.Count;
            body["total"] = offers.Count;
            return new ApiAnswer(200, body.ToJsonString());
        }
    }

    private JsonObject Offer(Listing l) => new()
    {
        ["offerId"] = l.OfferId,
        ["sku"] = l.Sku,
        ["marketplaceId"] = options.MarketplaceId,
        ["format"] = "FIXED_PRICE",
        ["availableQuantity"] = l.Quantity,
        ["pricingSummary"] = new JsonObject { ["price"] = Wire.Amount(l.Price, options.Currency) },
        ["listing"] = new JsonObject { ["listingId"] = l.ListingId, ["listingStatus"] = "ACTIVE" },
        ["status"] = "PUBLISHED",
    };
}
