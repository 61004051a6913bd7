using System.Text.Json;
using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Amazon.State;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Amazon.Api;

/// <summary>
/// Listings Items 2021-08-01: patchListingsItem answers at once with ACCEPTED (applied <see cref="AmazonEmulatorOptions.FeedStepDelay"/>
/// later, as Amazon processes submissions asynchronously), INVALID with issues (unknown SKU, scripted failure) or VALID
/// (VALIDATION_PREVIEW); malformed requests are 400. getListingsItem reads a listing back.
/// </summary>
internal sealed class ListingsEndpoint(AmazonEmulatorOptions options, SellerState state, AmazonFaults faults, AmazonCounters counters, Later later)
{
    public SpAnswer Patch(string sellerId, string sku, IQueryCollection query, string body)
    {
        counters.Patch();
        if (Check(sellerId, query) is { } refused) return refused;
        var mode = query["mode"].ToString();
        if (mode.Length > 0 && mode != "VALIDATION_PREVIEW") return SpAnswer.Invalid($"'{mode}' is not a valid mode.");
        if (Wire.TryParse(body) is not { ValueKind: JsonValueKind.Object } request) return SpAnswer.Invalid("The request body must be a JSON object.");
        if (!request.TryGetProperty("productType", out var productType) || productType.ValueKind != JsonValueKind.String
            || productType.GetString()!.Length == 0)
            return SpAnswer.Invalid("'productType' is required.");
        if (!request.TryGetProperty("patches", out var patches)) return SpAnswer.Invalid("'patches' is required.");
        var (change, error) = ListingPatchReader.ReadPatches(patches, options);
        if (change is null) return SpAnswer.Invalid(error!);

        var submissionId = Guid.NewGuid().ToString();
        bool known;
        long sequence;
        lock (state.Gate)
        {
            known = state.Listings.ContainsKey(sku);
            sequence = state.NextChange();
        }
        if (!known) return Submission(sku, submissionId, "INVALID", Issue("4000001", $"The SKU '{sku}' does not exist for this seller in marketplace {options.MarketplaceId}."));
        if (faults.SkuFails(sku)) return Submission(sku, submissionId, "INVALID", Issue("4000003", $"The listing '{sku}' could not be updated (fault injected)."));
        if (mode == "VALIDATION_PREVIEW") return Submission(sku, submissionId, "VALID");

        later.Run(options.FeedStepDelay, () =>
        {
            lock (state.Gate)
            {
                if (!state.Listings.TryGetValue(sku, out var listing)) return;
                listing.Apply(change, sequence, state.Now());
                listing.PatchesApplied++;
            }
        });
        return Submission(sku, submissionId, "ACCEPTED");
    }

    public SpAnswer Get(string sellerId, string sku, IQueryCollection query)
    {
        if (Check(sellerId, query) is { } refused) return refused;
        var included = Wire.List(query, "includedData");
        if (included.Count == 0) included.Add("summaries");
        string[] known = ["summaries", "attributes", "issues", "offers", "fulfillmentAvailability", "procurement", "relationships", "productTypes"];
        if (included.FirstOrDefault(i => !known.Contains(i)) is { } bad) return SpAnswer.Invalid($"'{bad}' is not a valid includedData value.");
        lock (state.Gate)
        {
            if (!state.Listings.TryGetValue(sku, out var l))
                return SpAnswer.Error(404, "NOT_FOUND", $"SKU '{sku}' not found in marketplace {options.MarketplaceId}");
            var item = new JsonObject { ["sku"] = sku };
            if (included.Contains("summaries"))
                item["summaries"] = new JsonArray(new JsonObject
                {
                    ["marketplaceId"] = options.MarketplaceId, ["asin"] = Asin.For(sku), ["productType"] = "PRODUCT", ["conditionType"] = "new_new",
                    ["status"] = new JsonArray("BUYABLE", "DISCOVERABLE"), ["itemName"] = sku,
                    ["createdDate"] = Wire.Time(l.CreatedAt), ["lastUpdatedDate"] = Wire.Time(l.UpdatedAt),
                });
            if (included.Contains("attributes"))
                item["attributes"] = new JsonObject
                {
                    ["fulfillment_availability"] = new JsonArray(new JsonObject { ["fulfillment_channel_code"] = "DEFAULT", ["quantity"] = l.Quantity }),
                    ["purchasable_offer"] = new JsonArray(new JsonObject
                    {
                        ["marketplace_id"] = options.MarketplaceId, ["currency"] = options.Currency,
                        ["our_price"] = new JsonArray(new JsonObject { ["schedule"] = new JsonArray(new JsonObject { ["value_with_tax"] = l.Price }) }),
                    }),
                };
            if (included.Contains("issues")) item["issues"] = new JsonArray();
            if (included.Contains("offers"))
                item["offers"] = new JsonArray(new JsonObject
                {
                    ["marketplaceId"] = options.MarketplaceId, ["offerType"] = "B2C",
                    ["price"] = new JsonObject { ["currencyCode"] = options.Currency, ["amount"] = Wire.Amount(l.Price) },
                });
            if (included.Contains("fulfillmentAvailability"))
                item["fulfillmentAvailability"] = new JsonArray(new JsonObject { ["fulfillmentChannelCode"] = "DEFAULT", ["quantity"] = l.Quantity });
            return SpAnswer.Json(200, item);
        }
    }

    private SpAnswer? Check(string sellerId, IQueryCollection query)
    {
        if (sellerId != options.SellerId) return SpAnswer.Invalid($"The sellerId '{sellerId}' does not match the authorised seller.");
        var marketplaces = Wire.List(query, "marketplaceIds");
        if (marketplaces.Count == 0) return SpAnswer.Invalid("'marketplaceIds' is required.");
        if (marketplaces.Count != 1 || marketplaces[0] != options.MarketplaceId)
            return SpAnswer.Invalid($"'marketplaceIds' must be '{options.MarketplaceId}' (the seller's only marketplace).");
        return null;
    }

    private static JsonObject Issue(string code, string message) => new()
    {
        ["code"] = code, ["message"] = message, ["severity"] = "ERROR", ["attributeNames"] = new JsonArray(), ["categories"] = new JsonArray(),
    };

    private static SpAnswer Submission(string sku, string submissionId, string status, params JsonObject[] issues) =>
        SpAnswer.Json(200, new JsonObject
        {
            ["sku"] = sku, ["status"] = status, ["submissionId"] = submissionId, ["issues"] = new JsonArray(issues.Cast<JsonNode>().ToArray()),
        });
}

/// <summary>A stable made-up ASIN per SKU, so the same listing always shows the same one.</summary>
internal static class Asin
{
    public static string For(string sku)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sku));
        const string chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return "B0" + new string(hash.Take(8).Select(b => chars[b % chars.Length]).ToArray());
    }
}
