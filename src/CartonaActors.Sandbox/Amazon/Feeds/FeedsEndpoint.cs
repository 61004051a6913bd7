using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Amazon.Api;

namespace CartonaActors.Sandbox.Amazon.Feeds;

/// <summary>
/// Feeds 2021-06-30: createFeedDocument, createFeed (202, quota-limited for JSON_LISTINGS_FEED), getFeed, cancelFeed,
/// getFeedDocument. A created feed walks IN_QUEUE, IN_PROGRESS, then DONE or FATAL, one
/// <see cref="AmazonEmulatorOptions.FeedStepDelay"/> per step; its document is run at the last step and the processing
/// report becomes its resultFeedDocumentId.
/// </summary>
internal sealed class FeedsEndpoint(AmazonEmulatorOptions options, DocumentStore documents, FeedQuota quota, ListingsFeedRunner listings,
    AcknowledgementFeedRunner acknowledgements, AmazonFaults faults, AmazonCounters counters, Later later)
{
    public const string ListingsFeed = "JSON_LISTINGS_FEED";
    public const string AcknowledgementFeed = "POST_ORDER_ACKNOWLEDGEMENT_DATA";
    private readonly object _gate = new();
    private readonly List<FeedState> _feeds = [];
    private long _nextFeedId = 50_001_000_001;

    public IReadOnlyList<AmazonFeedRecord> Records()
    {
        lock (_gate) return _feeds.Select(f => f.Record()).ToList();
    }

    public SpAnswer CreateDocument(string baseUrl, string body)
    {
        if (Wire.TryParse(body) is not { ValueKind: JsonValueKind.Object } request
            || !request.TryGetProperty("contentType", out var ct) || ct.ValueKind != JsonValueKind.String || ct.GetString()!.Length == 0)
            return SpAnswer.Invalid("'contentType' is required.");
        var id = documents.Create(ct.GetString()!, isInput: true);
        return SpAnswer.Json(201, new JsonObject { ["feedDocumentId"] = id, ["url"] = documents.Url(baseUrl, id) });
    }

    public SpAnswer Create(string body)
    {
        if (Wire.TryParse(body) is not { ValueKind: JsonValueKind.Object } request) return SpAnswer.Invalid("The request body must be a JSON object.");
        var feedType = request.TryGetProperty("feedType", out var ft) && ft.ValueKind == JsonValueKind.String ? ft.GetString() : null;
        if (feedType is not (ListingsFeed or AcknowledgementFeed))
            return SpAnswer.Invalid($"'feedType' must be {ListingsFeed} or {AcknowledgementFeed} (the feed types the emulator serves).");
        if (!request.TryGetProperty("marketplaceIds", out var mp) || mp.ValueKind != JsonValueKind.Array || mp.GetArrayLength() != 1
            || mp[0].GetString() != options.MarketplaceId)
            return SpAnswer.Invalid($"'marketplaceIds' must be [\"{options.MarketplaceId}\"].");
        var input = request.TryGetProperty("inputFeedDocumentId", out var doc) && doc.ValueKind == JsonValueKind.String ? doc.GetString() : null;
        if (input is null || !documents.Exists(input)) return SpAnswer.Invalid("'inputFeedDocumentId' must name a document from createFeedDocument.");
        if (feedType == ListingsFeed && !quota.TryTake())
        {
            counters.FeedRefused();
            return SpAnswer.Error(429, "QuotaExceeded", "You exceeded your quota for the requested resource.");
        }
        FeedState feed;
        lock (_gate)
        {
            feed = new FeedState((_nextFeedId++).ToString(CultureInfo.InvariantCulture), feedType, input, options.Clock.GetUtcNow(), faults.TakeFatal());
            _feeds.Add(feed);
        }
        counters.FeedCreated();
        later.Run(options.FeedStepDelay, () => Start(feed));
        return SpAnswer.Json(202, new JsonObject { ["feedId"] = feed.Id });
    }

    public SpAnswer Get(string feedId)
    {
        lock (_gate)
        {
            if (Find(feedId) is not { } f) return SpAnswer.NotFound($"The feed '{feedId}' was not found.");
            var json = new JsonObject
            {
                ["feedId"] = f.Id, ["feedType"] = f.FeedType, ["marketplaceIds"] = new JsonArray(options.MarketplaceId),
                ["createdTime"] = Wire.Time(f.CreatedAt), ["processingStatus"] = f.Status,
            };
            if (f.StartedAt is { } s) json["processingStartTime"] = Wire.Time(s);
            if (f.EndedAt is { } e) json["processingEndTime"] = Wire.Time(e);
            if (f.ResultDocumentId is { } r) json["resultFeedDocumentId"] = r;
            return SpAnswer.Json(200, json);
        }
    }

    public SpAnswer Cancel(string feedId)
    {
        lock (_gate)
        {
            if (Find(feedId) is not { } f) return SpAnswer.NotFound($"The feed '{feedId}' was not found.");
            if (f.Status != "IN_QUEUE") return SpAnswer.Invalid($"The feed '{feedId}' is {f.Status}; only IN_QUEUE feeds can be cancelled.");
            f.Status = "CANCELLED";
            return SpAnswer.Empty(200);
        }
    }

    public SpAnswer GetDocument(string baseUrl, string documentId)
    {
        if (!documents.Exists(documentId)) return SpAnswer.NotFound($"The feed document '{documentId}' was not found.");
        return SpAnswer.Json(200, new JsonObject { ["feedDocumentId"] = documentId, ["url"] = documents.Url(baseUrl, documentId) });
    }

    private void Start(FeedState feed)
    {
        lock (_gate)
        {
            if (feed.Status != "IN_QUEUE") return; // cancelled meanwhile
            feed.Status = "IN_PROGRESS";
            feed.StartedAt = options.Clock.GetUtcNow();
        }
        later.Run(options.FeedStepDelay, () => Finish(feed));
    }

    private void Finish(FeedState feed)
    {
        var content = documents.Content(feed.InputDocumentId);
        var outcome = feed.FeedType == ListingsFeed
            ? listings.Run(feed.Id, content, feed.ForcedFatal)
            : acknowledgements.Run(feed.Id, content, feed.ForcedFatal);
        var report = documents.Create(outcome.ReportContentType, isInput: false, outcome.Report);
        counters.Messages(outcome.Messages, outcome.Failed);
        lock (_gate)
        {
            feed.Messages = outcome.Messages;
            feed.Failed = outcome.Failed;
            feed.ResultDocumentId = report;
            feed.EndedAt = options.Clock.GetUtcNow();
            feed.Status = outcome.Fatal ? "FATAL" : "DONE";
        }
    }

    private FeedState? Find(string id) => _feeds.FirstOrDefault(f => f.Id == id);
}
