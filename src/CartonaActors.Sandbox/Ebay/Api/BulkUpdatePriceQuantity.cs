using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Ebay.Limits;
using CartonaActors.Sandbox.Ebay.State;

namespace CartonaActors.Sandbox.Ebay.Api;

/// <summary>
/// <c>POST sell/inventory/v1/bulk_update_price_quantity</c>: up to <see cref="EbayEmulatorOptions.MaxBulkRequests"/>
/// entries, each a SKU's ship-to-home quantity and/or its offers' price and quantity. Entries succeed or fail alone;
/// the answer is 200 when all succeeded, else 207, with one response per offer (or per SKU when no offer is named).
/// Each change to a listing is one revision of its offer in the current day of the revision zone; past the daily cap
/// the entry fails and the listing is left as it was.
/// </summary>
internal sealed class BulkUpdatePriceQuantity(EbayEmulatorOptions options, EbayStore store, EbayFaults faults, EbayCounters counters)
{
    public ApiAnswer Handle(string body)
    {
        JsonElement requests;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("requests", out var r) || r.ValueKind != JsonValueKind.Array) return UserError("The request has no requests array.");
            requests = r.Clone();
        }
        catch (JsonException)
        {
            return UserError("The request payload is not valid JSON.");
        }
        var count = requests.GetArrayLength();
        if (count == 0) return UserError("At least one request is required.");
        if (count > options.MaxBulkRequests) return UserError($"The number of requests cannot exceed {options.MaxBulkRequests}.");
        counters.BulkCall();

        var responses = new JsonArray();
        var allOk = true;
        lock (store.Gate)
        {
            foreach (var entry in requests.EnumerateArray())
                foreach (var response in Apply(entry))
                {
                    allOk &= response["statusCode"]!.GetValue<int>() == 200;
                    responses.Add(response);
                }
        }
        return new ApiAnswer(allOk ? 200 : 207, new JsonObject { ["responses"] = responses }.ToJsonString());
    }

    private IEnumerable<JsonObject> Apply(JsonElement entry)
    {
        var sku = Str(entry, "sku");
        int? shipQuantity = null;
        string? shipError = null;
        if (entry.TryGetProperty("shipToLocationAvailability", out var ship) && ship.ValueKind == JsonValueKind.Object &&
            ship.TryGetProperty("quantity", out var q))
            shipQuantity = Quantity(q, out shipError);
        var offers = entry.TryGetProperty("offers", out var o) && o.ValueKind == JsonValueKind.Array ? o.EnumerateArray().ToList() : [];

        if (sku is null || !store.BySku.TryGetValue(sku, out var listing))
        {
            var missing = Inventory(404, 25702, $"SKU {sku} is not available in the system", sku, null);
            if (offers.Count == 0) return [missing];
            return offers.Select(x => Inventory(404, 25702, $"SKU {sku} is not available in the system", sku, Str(x, "offerId"))).ToList();
        }
        if (offers.Count == 0) return [ApplyOne(listing, null, shipQuantity, shipError, null, null)];
        return offers.Select(offer => ApplyOffer(listing, offer, shipQuantity, shipError)).ToList();
    }

    private JsonObject ApplyOffer(Listing listing, JsonElement offer, int? shipQuantity, string? shipError)
    {
        var offerId = Str(offer, "offerId");
        if (offerId is null || !store.ByOffer.TryGetValue(offerId, out var target) || target != listing)
            return Inventory(404, 25713, $"This Offer is not available : {offerId}.", listing.Sku, offerId);
        int? available = null;
        string? quantityError = shipError;
        if (offer.TryGetProperty("availableQuantity", out var aq)) available = Quantity(aq, out quantityError);
        decimal? price = null;
        string? priceError = null, currencyError = null;
        if (offer.TryGetProperty("price", out var p) && p.ValueKind != JsonValueKind.Null) price = Price(p, out priceError, out currencyError);
        return ApplyOne(listing, offerId, available is { } a && shipQuantity is { } s ? Math.Min(a, s) : available ?? shipQuantity,
            quantityError, price, priceError ?? currencyError, priceError is null && currencyError is not null);
    }

    private JsonObject ApplyOne(Listing listing, string? offerId, int? quantity, string? quantityError, decimal? price, string? priceError,
        bool currencyOnly = false)
    {
        if (faults.Rejection(listing.Sku) is { } rejected) return Inventory(400, 25002, rejected, listing.Sku, offerId);
        if (priceError is not null)
            return currencyOnly
                ? Inventory(400, 25709, $"Invalid value for currency. {priceError}", listing.Sku, offerId)
                : Inventory(400, 25003, $"Invalid price. {priceError}", listing.Sku, offerId);
        if (quantityError is not null) return Inventory(400, 25004, $"Invalid quantity. {quantityError}", listing.Sku, offerId);

        var changes = (price is { } np && np != listing.Price) || (quantity is { } nq && nq != listing.Quantity);
        if (changes)
        {
            var day = CalendarDay.Of(store.Now, options.RevisionDayZone);
            if (listing.RevisionsOn(day) >= options.RevisionsPerListingPerDay)
            {
                counters.CapRefusal();
                return Inventory(400, 25019,
                    $"Cannot revise listing. This listing has reached the maximum of {options.RevisionsPerListingPerDay} revisions per calendar day.",
                    listing.Sku, offerId);
            }
            if (price is { } newPrice) listing.Price = newPrice;
            if (quantity is { } newQuantity) listing.Quantity = newQuantity;
            listing.Revise(day);
            counters.Revision();
        }
        return Response(200, listing.Sku, offerId, []);
    }

    private static int? Quantity(JsonElement q, out string? error)
    {
        error = null;
        if (q.ValueKind != JsonValueKind.Number || !q.TryGetInt32(out var n))
        {
            error = "quantity must be an integer.";
            return null;
        }
        if (n < 0)
        {
            error = "quantity cannot be negative.";
            return null;
        }
        return n;
    }

    private decimal? Price(JsonElement p, out string? error, out string? currencyError)
    {
        error = currencyError = null;
        var value = p.ValueKind == JsonValueKind.Object ? Str(p, "value") : null;
        var currency = p.ValueKind == JsonValueKind.Object ? Str(p, "currency") : null;
        if (value is null || !decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0 ||
            amount.Scale > 2 && amount != Math.Round(amount, 2))
        {
            error = $"'{value}' is not a valid price value.";
            return null;
        }
        if (currency != options.Currency)
        {
            currencyError = $"'{currency}' is not the currency of marketplace {options.MarketplaceId}.";
            return null;
        }
        return amount;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonObject Inventory(int status, int errorId, string message, string? sku, string? offerId) =>
        Response(status, sku, offerId, [EbayErrors.Inventory(errorId, message)]);

    private static JsonObject Response(int status, string? sku, string? offerId, JsonNode[] errors)
    {
        var r = new JsonObject { ["statusCode"] = status };
        if (sku is not null) r["sku"] = sku;
        if (offerId is not null) r["offerId"] = offerId;
        r["errors"] = new JsonArray(errors);
        r["warnings"] = new JsonArray();
        return r;
    }

    private static ApiAnswer UserError(string detail) =>
        EbayErrors.Answer(400, EbayErrors.Inventory(25002, "A user error has occurred. " + detail));
}
