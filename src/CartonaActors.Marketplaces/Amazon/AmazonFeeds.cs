using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces.Amazon;

/// <summary>How a submitted feed ended: its status and its processing report (null when Amazon gave none).</summary>
internal sealed record AmazonFeedResult(string FeedId, string Status, string? Report);

/// <summary>
/// The Feeds API walk (2021-06-30): create a feed document, upload the content to the URL it gives, create the
/// feed, read its status until Amazon has processed it, then fetch the processing report. Amazon processes
/// asynchronously, so the feed's report, not the submission, says what was applied.
/// </summary>
internal sealed class AmazonFeeds(AmazonApi api, AmazonSettings own, AmazonFeedQuota listingsQuota, TimeProvider clock)
{
    public const string ListingsFeed = "JSON_LISTINGS_FEED";
    private const string Base = "feeds/2021-06-30/";

    /// <summary>Takes the quota for one listings feed now, or says how long until it may go (nothing sent).</summary>
    public TimeSpan TakeListingsFeed() => listingsQuota.TryTake();

    /// <summary>Submits and waits for the feed; the outcome when it cannot be carried through. A listings feed is
    /// submitted only after <see cref="TakeListingsFeed"/> gave it the quota.</summary>
    public async Task<(AmazonFeedResult? Result, CallOutcome? Failure)> RunAsync(string feedType, string contentType, string content, CancellationToken ct)
    {
        var document = await api.SendAsync("createFeedDocument", HttpMethod.Post, Base + "documents", null,
            new JsonObject { ["contentType"] = contentType }, ct, waitLong: true);
        if (document.Failure is { } failed) return (null, failed);
        if (Text(document.Body, "feedDocumentId") is not { } documentId || Text(document.Body, "url") is not { } url)
            return (null, new CallOutcome.TransientFailure("createFeedDocument answered without feedDocumentId and url: " + api.Excerpt(document.Text)));
        if (await api.UploadAsync(url, content, contentType, ct) is { } uploadFailed) return (null, uploadFailed);
        var created = await api.SendAsync("createFeed", HttpMethod.Post, Base + "feeds", null, new JsonObject
        {
            ["feedType"] = feedType, ["marketplaceIds"] = new JsonArray(own.MarketplaceId), ["inputFeedDocumentId"] = documentId,
        }, ct, waitLong: true);
        if (created.Failure is { } refused)
        {
            if (feedType == ListingsFeed && refused is CallOutcome.RateLimited) listingsQuota.Refused();
            return (null, refused is CallOutcome.RateLimited ? new CallOutcome.RateLimited(own.FeedWindow / own.FeedsPerWindow) : refused);
        }
        if (Text(created.Body, "feedId") is not { } feedId)
            return (null, new CallOutcome.TransientFailure("createFeed answered without a feedId: " + api.Excerpt(created.Text)));
        return await AwaitAsync(feedId, ct);
    }

    private async Task<(AmazonFeedResult?, CallOutcome?)> AwaitAsync(string feedId, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + own.FeedTimeout;
        while (true)
        {
            await Task.Delay(own.FeedPollInterval, ct);
            var feed = await api.SendAsync("getFeed", HttpMethod.Get, Base + "feeds/" + Uri.EscapeDataString(feedId), null, null, ct, waitLong: true);
            // A status read that failed is read again: the feed is Amazon's now, whatever this connection does.
            if (feed.Failure is CallOutcome.AuthenticationFailed or CallOutcome.Refused) return (null, feed.Failure);
            var status = feed.Failure is null ? Text(feed.Body, "processingStatus") : null;
            if (status is "DONE" or "FATAL" or "CANCELLED")
            {
                if (Text(feed.Body, "resultFeedDocumentId") is not { } resultId) return (new AmazonFeedResult(feedId, status, null), null);
                var (report, failure) = await ReportAsync(resultId, ct);
                return failure is null ? (new AmazonFeedResult(feedId, status, report), null) : (null, failure);
            }
            if (clock.GetUtcNow() > deadline)
                return (null, new CallOutcome.TransientFailure(
                    $"feed {feedId} was still {status ?? "unread"} after {own.FeedTimeout}; its items go again (a listings patch applies once however often it is sent)"));
        }
    }

    private async Task<(string?, CallOutcome?)> ReportAsync(string documentId, CancellationToken ct)
    {
        var document = await api.SendAsync("getFeedDocument", HttpMethod.Get, Base + "documents/" + Uri.EscapeDataString(documentId), null, null, ct, waitLong: true);
        if (document.Failure is { } failed) return (null, failed);
        if (Text(document.Body, "url") is not { } url)
            return (null, new CallOutcome.TransientFailure("getFeedDocument answered without a url: " + api.Excerpt(document.Text)));
        var (bytes, failure) = await api.DownloadAsync(url, ct);
        if (failure is not null) return (null, failure);
        if (Text(document.Body, "compressionAlgorithm") != "GZIP") return (Encoding.UTF8.GetString(bytes!), null);
        using var unzip = new GZipStream(new MemoryStream(bytes!), CompressionMode.Decompress);
        using var reader = new StreamReader(unzip, Encoding.UTF8);
        return (await reader.ReadToEndAsync(ct), null);
    }

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
