using CartonaActors.Domain.Json;
using CartonaActors.Domain.Secrets;
using System.Text.Json;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>
/// Reads a 2xx bulk-update answer. Cartona does not document one, so only the proposal's
/// <c>{"updated":n,"failed":[…]}</c> counts as verified; any other readable answer is an unverified delivery
/// that the engine may confirm by reading back.
/// </summary>
internal static class BulkUpdateReport
{
    private static readonly CallOutcome Unverified = new CallOutcome.Accepted([], Verified: false);

    public static CallOutcome Read(string body, IReadOnlyList<PushItem> items, SecretScrubber scrubber)
    {
        if (string.IsNullOrWhiteSpace(body)) return Unverified;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            // A broken answer may come from a proxy or a crash mid-write: the batch may not have applied.
            return new CallOutcome.TransientFailure($"malformed response body: {scrubber.Excerpt(body)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("failed", out var failed)
                || failed.ValueKind != JsonValueKind.Array)
                return Unverified;

            var rejections = new List<ItemRejection>();
            var unattributed = new List<string>();
            foreach (var entry in failed.EnumerateArray())
            {
                if (IndexOf(entry, items) is { } index) rejections.Add(new ItemRejection(index, Reason(entry, scrubber)));
                else unattributed.Add(Reason(entry, scrubber));
            }
            // A failure we cannot tie to an item means we do not know which items applied: none of them is confirmed.
            return new CallOutcome.Accepted(rejections, Verified: unattributed.Count == 0, unattributed.Count == 0 ? null : unattributed);
        }
    }

    private static int? IndexOf(JsonElement entry, IReadOnlyList<PushItem> items)
    {
        if (entry.ValueKind != JsonValueKind.Object) return null;
        if (entry.TryGetProperty("index", out var index) && index.TryGetInt32Safe() is { } i && i >= 0 && i < items.Count)
            return i;
        return Find(entry, "internal_product_id", CartonaPlatform.InternalProductId, items)
            ?? Find(entry, "supplier_product_id", CartonaPlatform.SupplierProductId, items);
    }

    private static int? Find(JsonElement entry, string field, string kind, IReadOnlyList<PushItem> items)
    {
        if (!entry.TryGetProperty(field, out var id)) return null;
        var value = id.ValueKind switch
        {
            JsonValueKind.String => JsonStrings.Read(id),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };
        if (value is null) return null;
        int? found = null;
        for (var k = 0; k < items.Count; k++)
        {
            if (items[k].Ref.Kind != kind || items[k].Ref.Value != value) continue;
            if (found is not null) return null; // named twice in the batch: which one failed is unknown
            found = k;
        }
        return found;
    }

    private static string Reason(JsonElement entry, SecretScrubber scrubber)
    {
        if (!entry.TryGetProperty("errors", out var errors)) return "refused by Cartona";
        var texts = errors.ValueKind == JsonValueKind.Array
            ? errors.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? JsonStrings.Read(e) : e.GetRawText())
            : [errors.ValueKind == JsonValueKind.String ? JsonStrings.Read(errors) : errors.GetRawText()];
        var joined = string.Join("; ", texts);
        return joined.Length == 0 ? "refused by Cartona" : scrubber.Excerpt(joined);
    }

    private static int? TryGetInt32Safe(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) ? value : null;
}
