using System.Text.Json;
using CartonaActors.Sandbox.Amazon.State;

namespace CartonaActors.Sandbox.Amazon.Api;

/// <summary>
/// Reads listing patches (patchListingsItem and JSON_LISTINGS_FEED PATCH messages) and PARTIAL_UPDATE attributes into a
/// <see cref="ListingChange"/>. Only the two attributes a merchant-fulfilled price and stock sync needs are served:
/// fulfillment_availability (DEFAULT channel) and purchasable_offer (our_price schedule value_with_tax); anything else is
/// refused with a reason rather than silently ignored, so a wrong client is caught.
/// </summary>
internal static class ListingPatchReader
{
    private const string Availability = "/attributes/fulfillment_availability";
    private const string Offer = "/attributes/purchasable_offer";

    public static (ListingChange? Change, string? Error) ReadPatches(JsonElement patches, AmazonEmulatorOptions options)
    {
        if (patches.ValueKind != JsonValueKind.Array || patches.GetArrayLength() == 0) return (null, "'patches' must be a non-empty array.");
        decimal? price = null;
        int? quantity = null;
        foreach (var patch in patches.EnumerateArray())
        {
            if (patch.ValueKind != JsonValueKind.Object) return (null, "Each patch must be an object.");
            var op = Str(patch, "op");
            var path = Str(patch, "path");
            if (op is null || path is null) return (null, "Each patch needs 'op' and 'path'.");
            if (op is not ("add" or "replace" or "merge"))
                return (null, op == "delete" ? "The 'delete' op is not supported by the emulator." : $"'{op}' is not a valid op (add, replace, merge, delete).");
            if (!patch.TryGetProperty("value", out var value)) return (null, $"The '{op}' op on '{path}' needs a 'value'.");
            var error = path switch
            {
                Availability => ReadAvailability(value, op == "merge", ref quantity),
                Offer => ReadOffer(value, op == "merge", options, ref price),
                _ => $"'{path}' is not a patchable path here (served: {Availability}, {Offer}).",
            };
            if (error is not null) return (null, error);
        }
        return (new ListingChange(price, quantity), null);
    }

    /// <summary>PARTIAL_UPDATE: each given attribute replaces the stored one.</summary>
    public static (ListingChange? Change, string? Error) ReadAttributes(JsonElement attributes, AmazonEmulatorOptions options)
    {
        if (attributes.ValueKind != JsonValueKind.Object) return (null, "'attributes' must be an object.");
        decimal? price = null;
        int? quantity = null;
        foreach (var attribute in attributes.EnumerateObject())
        {
            var error = attribute.Name switch
            {
                "fulfillment_availability" => ReadAvailability(attribute.Value, false, ref quantity),
                "purchasable_offer" => ReadOffer(attribute.Value, false, options, ref price),
                _ => $"Attribute '{attribute.Name}' is not served by the emulator.",
            };
            if (error is not null) return (null, error);
        }
        return (new ListingChange(price, quantity), null);
    }

    private static string? ReadAvailability(JsonElement value, bool merge, ref int? quantity)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0) return "fulfillment_availability must be a non-empty array.";
        foreach (var entry in value.EnumerateArray())
        {
            if (Str(entry, "fulfillment_channel_code") != "DEFAULT")
                return "fulfillment_availability needs fulfillment_channel_code \"DEFAULT\" (merchant fulfilled).";
            if (!entry.TryGetProperty("quantity", out var q))
            {
                if (merge) continue;
                return "fulfillment_availability.quantity is required.";
            }
            if (q.ValueKind != JsonValueKind.Number || !q.TryGetInt32(out var n) || n < 0)
                return "fulfillment_availability.quantity must be an integer >= 0.";
            quantity = n;
        }
        return null;
    }

    private static string? ReadOffer(JsonElement value, bool merge, AmazonEmulatorOptions options, ref decimal? price)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0) return "purchasable_offer must be a non-empty array.";
        foreach (var entry in value.EnumerateArray())
        {
            if (Str(entry, "marketplace_id") != options.MarketplaceId)
                return $"purchasable_offer.marketplace_id must be '{options.MarketplaceId}'.";
            if (Str(entry, "currency") != options.Currency) return $"purchasable_offer.currency must be '{options.Currency}'.";
            if (!entry.TryGetProperty("our_price", out var ourPrice))
            {
                if (merge) continue;
                return "purchasable_offer.our_price is required.";
            }
            if (ourPrice.ValueKind != JsonValueKind.Array || ourPrice.GetArrayLength() == 0
                || !ourPrice[0].TryGetProperty("schedule", out var schedule) || schedule.ValueKind != JsonValueKind.Array
                || schedule.GetArrayLength() == 0 || !schedule[0].TryGetProperty("value_with_tax", out var v)
                || v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d) || d <= 0)
                return "purchasable_offer.our_price[0].schedule[0].value_with_tax must be a number > 0.";
            price = d;
        }
        return null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
