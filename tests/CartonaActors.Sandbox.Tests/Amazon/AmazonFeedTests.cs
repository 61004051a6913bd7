using System.Net;
using System.Text.Json;
using CartonaActors.Sandbox.Tests.Rest;

namespace CartonaActors.Sandbox.Tests.Amazon;

public sealed class AmazonFeedTests
{
    [Fact]
    public async Task A_feed_of_1000_messages_walks_the_statuses_and_reports_exactly_the_failed_skus()
    {
        await using var scope = await AmazonScope.StartAsync(o => o.FeedStepDelay = TimeSpan.FromMilliseconds(400));
        var messages = new List<(string, int)>();
        for (var i = 0; i < 1000; i++)
        {
            var sku = $"BULK-{i:D4}";
            if (i != 500) scope.Emulator.Catalog.AddListing(sku, 5m, 0); // BULK-0500 is unknown
            messages.Add((sku, i));
        }
        scope.Emulator.Faults.FailFeedMessages("BULK-0007", "BULK-0999");

        var feedId = await scope.SubmitFeedAsync("JSON_LISTINGS_FEED", scope.ListingsFeed(messages.ToArray()));
        var queued = await scope.FeedAsync(feedId);
        Assert.Equal("IN_QUEUE", queued.Str("processingStatus"));
        Assert.Equal("JSON_LISTINGS_FEED", queued.Str("feedType"));
        Assert.False(queued.TryGetProperty("resultFeedDocumentId", out _));

        await Eventually.TrueAsync(() => scope.Emulator.Feeds[0].Status != "IN_QUEUE");
        var progressing = await scope.FeedAsync(feedId);
        Assert.Equal("IN_PROGRESS", progressing.Str("processingStatus"));
        Assert.True(progressing.TryGetProperty("processingStartTime", out _));

        var (feed, text) = await scope.FinishedFeedAsync(feedId);
        Assert.Equal("DONE", feed.Str("processingStatus"));
        Assert.True(feed.TryGetProperty("processingEndTime", out _));
        using var report = JsonDocument.Parse(text);
        var root = report.RootElement;
        Assert.Equal(feedId, root.GetProperty("header").Str("feedId"));
        Assert.Equal(scope.Seller, root.GetProperty("header").Str("sellerId"));
        var summary = root.GetProperty("summary");
        Assert.Equal(1000, summary.GetProperty("messagesProcessed").GetInt32());
        Assert.Equal(997, summary.GetProperty("messagesAccepted").GetInt32());
        Assert.Equal(3, summary.GetProperty("messagesInvalid").GetInt32());
        Assert.Equal(3, summary.GetProperty("errors").GetInt32());
        var failed = root.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("messageId").GetInt32(), i.Str("sku"), i.Str("severity"))).ToList();
        Assert.Equal([(8, "BULK-0007", "ERROR"), (501, "BULK-0500", "ERROR"), (1000, "BULK-0999", "ERROR")], failed);

        Assert.Equal(42, scope.Emulator.Catalog.Listing("BULK-0042")!.Quantity);
        Assert.Equal(1, scope.Emulator.Catalog.Listing("BULK-0042")!.FeedMessagesApplied);
        Assert.Equal(0, scope.Emulator.Catalog.Listing("BULK-0007")!.Quantity);
        var record = scope.Emulator.Feeds.Single();
        Assert.Equal((1000, 3), (record.Messages, record.FailedMessages));
        Assert.Equal((1000, 3), (scope.Emulator.Counters.FeedMessages, scope.Emulator.Counters.FeedMessagesFailed));
    }

    [Fact]
    public async Task The_sixth_listings_feed_in_the_window_is_refused_and_the_window_slides()
    {
        var clock = new ManualClock();
        await using var scope = await AmazonScope.StartAsync(o => o.Clock = clock);
        var document = scope.ListingsFeed(("SKU-1", 1));
        for (var i = 0; i < 5; i++)
        {
            await scope.SubmitFeedAsync("JSON_LISTINGS_FEED", document);
            clock.Advance(TimeSpan.FromSeconds(30));
        }
        var (status, body) = await scope.TrySubmitFeedAsync("JSON_LISTINGS_FEED", document, "application/json");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("QuotaExceeded", body.ErrorCode());
        Assert.Equal(1, scope.Emulator.Counters.FeedsRefusedByQuota);
        Assert.Equal(1, scope.Emulator.Counters.Throttled);
        Assert.Equal(5, scope.Emulator.Counters.FeedsCreated);

        clock.Advance(TimeSpan.FromMinutes(3)); // the first feed is now more than 5 minutes old
        await scope.SubmitFeedAsync("JSON_LISTINGS_FEED", document);
    }

    [Fact]
    public async Task More_than_the_maximum_messages_or_a_scripted_fatal_ends_fatal_with_a_report()
    {
        await using var scope = await AmazonScope.StartAsync(o => o.MaxMessagesPerFeed = 3);
        var tooMany = await scope.SubmitFeedAsync("JSON_LISTINGS_FEED", scope.ListingsFeed(("SKU-1", 1), ("SKU-1", 2), ("SKU-2", 3), ("SKU-2", 4)));
        var (feed, text) = await scope.FinishedFeedAsync(tooMany);
        Assert.Equal("FATAL", feed.Str("processingStatus"));
        using (var report = JsonDocument.Parse(text))
        {
            Assert.Equal(0, report.RootElement.GetProperty("summary").GetProperty("messagesProcessed").GetInt32());
            Assert.Contains("at most 3", report.RootElement.GetProperty("issues")[0].Str("message"));
        }
        Assert.Equal(5, scope.Emulator.Catalog.Listing("SKU-1")!.Quantity);

        scope.Emulator.Faults.FatalNextFeed();
        var scripted = await scope.SubmitFeedAsync("JSON_LISTINGS_FEED", scope.ListingsFeed(("SKU-1", 9)));
        Assert.Equal("FATAL", (await scope.FinishedFeedAsync(scripted)).Feed.Str("processingStatus"));
        var next = await scope.SubmitFeedAsync("JSON_LISTINGS_FEED", scope.ListingsFeed(("SKU-1", 9)));
        Assert.Equal("DONE", (await scope.FinishedFeedAsync(next)).Feed.Str("processingStatus"));
        Assert.Equal(9, scope.Emulator.Catalog.Listing("SKU-1")!.Quantity);
    }

    [Fact]
    public async Task A_queued_feed_can_be_cancelled_and_is_never_run()
    {
        await using var scope = await AmazonScope.StartAsync(o => o.FeedStepDelay = TimeSpan.FromMilliseconds(300));
        var feedId = await scope.SubmitFeedAsync("JSON_LISTINGS_FEED", scope.ListingsFeed(("SKU-1", 99)));
        var (status, _) = await scope.SendAsync(HttpMethod.Delete, "feeds/2021-06-30/feeds/" + feedId);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CANCELLED", (await scope.FeedAsync(feedId)).Str("processingStatus"));
        Assert.Equal(HttpStatusCode.BadRequest, (await scope.SendAsync(HttpMethod.Delete, "feeds/2021-06-30/feeds/" + feedId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await scope.SendAsync(HttpMethod.Get, "feeds/2021-06-30/feeds/1")).Status);

        // A later feed finishing shows the cancelled one was skipped, not merely late.
        var next = await scope.SubmitFeedAsync("JSON_LISTINGS_FEED", scope.ListingsFeed(("SKU-2", 1)));
        await scope.FinishedFeedAsync(next);
        Assert.Equal("CANCELLED", scope.Emulator.Feeds[0].Status);
        Assert.Equal(5, scope.Emulator.Catalog.Listing("SKU-1")!.Quantity);
    }

    [Fact]
    public async Task Presigned_urls_need_their_signature_but_no_access_token()
    {
        await using var scope = await AmazonScope.StartAsync();
        var created = await scope.OkAsync(HttpMethod.Post, "feeds/2021-06-30/documents", new { contentType = "application/json" });
        var url = created.Str("url");
        using var forged = await scope.Http.PutAsync(url[..url.IndexOf("X-Amz-Signature=", StringComparison.Ordinal)] + "X-Amz-Signature=00",
            new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        using var ok = await scope.Http.PutAsync(url, new StringContent("{}"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
