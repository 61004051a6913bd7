using System.Text.Json;
using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Amazon.Api;
using CartonaActors.Sandbox.Amazon.State;

namespace CartonaActors.Sandbox.Amazon.Feeds;

/// <summary>
/// Runs a JSON_LISTINGS_FEED document (listings-feed-schema-v2) and writes its processing report
/// (listings-feed-processing-report-schema-v2). A bad header, unreadable JSON or too many messages make the whole feed
/// FATAL; otherwise each message is applied or refused on its own, refusals being ERROR issues naming messageId and sku.
/// </summary>
internal sealed class ListingsFeedRunner(AmazonEmulatorOptions options, SellerState state, AmazonFaults faults)
{
    public FeedOutcome Run(string feedId, string? document, bool forcedFatal)
    {
        if (forcedFatal) return Fatal(feedId, "The feed was aborted because of an internal processing error (fault injected).");
        if (document is null) return Fatal(feedId, "The feed document was never uploaded.");
        if (Wire.TryParse(document) is not { ValueKind: JsonValueKind.Object } root) return Fatal(feedId, "The feed document is not valid JSON.");
        if (!root.TryGetProperty("header", out var header) || header.ValueKind != JsonValueKind.Object)
            return Fatal(feedId, "The feed document has no 'header'.");
        if (Str(header, "sellerId") != options.SellerId) return Fatal(feedId, $"header.sellerId must be '{options.SellerId}'.");
        if (Str(header, "version") != "2.0") return Fatal(feedId, "header.version must be \"2.0\".");
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
            return Fatal(feedId, "The feed document needs a non-empty 'messages' array.");
        if (messages.GetArrayLength() > options.MaxMessagesPerFeed)
            return Fatal(feedId, $"The feed has {messages.GetArrayLength()} messages; at most {options.MaxMessagesPerFeed} are allowed.");

        var issues = new JsonArray();
        int processed = 0, invalid = 0;
        var seenIds = new HashSet<long>();
        lock (state.Gate)
        {
            foreach (var message in messages.EnumerateArray())
            {
                processed++;
                var (messageId, sku, error) = Apply(message, seenIds);
                if (error is null) continue;
                invalid++;
                var issue = new JsonObject();
                if (messageId is { } id) issue["messageId"] = id;
                if (sku is not null) issue["sku"] = sku;
                issue["code"] = error.Value.Code;
                issue["severity"] = "ERROR";
                issue["message"] = error.Value.Message;
                issues.Add(issue);
            }
        }
        return new FeedOutcome(false, Report(feedId, issues, invalid, processed, processed - invalid, invalid), "application/json", processed, invalid);
    }

    private (long? MessageId, string? Sku, (string Code, string Message)? Error) Apply(JsonElement message, HashSet<long> seenIds)
    {
        if (message.ValueKind != JsonValueKind.Object) return (null, null, ("100001", "A message must be an object."));
        long? messageId = message.TryGetProperty("messageId", out var m) && m.TryGetInt64(out var mid) && mid >= 1 ? mid : null;
        var sku = Str(message, "sku");
        if (messageId is null) return (null, sku, ("100001", "'messageId' is required and must be an integer >= 1."));
        if (!seenIds.Add(messageId.Value)) return (messageId, sku, ("100001", $"messageId {messageId} is not unique within the feed."));
        if (string.IsNullOrEmpty(sku)) return (messageId, null, ("100001", "'sku' is required."));
        var operation = Str(message, "operationType");
        (ListingChange? Change, string? Error) read = operation switch
        {
            "PATCH" when Str(message, "productType") is null => (null, "'productType' is required for PATCH."),
            "PATCH" => message.TryGetProperty("patches", out var p) ? ListingPatchReader.ReadPatches(p, options) : (null, "'patches' is required for PATCH."),
            "PARTIAL_UPDATE" when Str(message, "productType") is null => (null, "'productType' is required for PARTIAL_UPDATE."),
            "PARTIAL_UPDATE" => message.TryGetProperty("attributes", out var a)
                ? ListingPatchReader.ReadAttributes(a, options)
                : (null, "'attributes' is required for PARTIAL_UPDATE."),
            "UPDATE" or "DELETE" => (null, $"operationType {operation} is not supported by the emulator (use PATCH or PARTIAL_UPDATE)."),
            _ => (null, $"'{operation}' is not a valid operationType."),
        };
        if (read.Change is null) return (messageId, sku, ("100001", read.Error!));
        if (!state.Listings.TryGetValue(sku, out var listing))
            return (messageId, sku, ("4000001", $"The SKU '{sku}' does not exist for this seller in marketplace {options.MarketplaceId}."));
        if (faults.SkuFails(sku)) return (messageId, sku, ("4000003", $"The listing '{sku}' could not be updated (fault injected)."));
        listing.Apply(read.Change, state.NextChange(), state.Now());
        listing.FeedMessagesApplied++;
        return (messageId, sku, null);
    }

    private FeedOutcome Fatal(string feedId, string reason)
    {
        var issues = new JsonArray(new JsonObject { ["code"] = "FATAL", ["severity"] = "ERROR", ["message"] = reason });
        return new FeedOutcome(true, Report(feedId, issues, 1, 0, 0, 0), "application/json", 0, 0);
    }

    private string Report(string feedId, JsonArray issues, int errors, int processed, int accepted, int invalid) => new JsonObject
    {
        ["header"] = new JsonObject { ["sellerId"] = options.SellerId, ["version"] = "2.0", ["feedId"] = feedId },
        ["issues"] = issues,
        ["summary"] = new JsonObject
        {
            ["errors"] = errors, ["warnings"] = 0, ["messagesProcessed"] = processed, ["messagesAccepted"] = accepted, ["messagesInvalid"] = invalid,
        },
    }.ToJsonString();

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
