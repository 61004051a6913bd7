namespace CartonaActors.Sandbox.Amazon.Feeds;

/// <summary>One submitted feed and where its processing is.</summary>
internal sealed class FeedState(string id, string feedType, string inputDocumentId, DateTimeOffset createdAt, bool fatal)
{
    public string Id { get; } = id;
    public string FeedType { get; } = feedType;
    public string InputDocumentId { get; } = inputDocumentId;
    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Scripted by <see cref="AmazonFaults.FatalNextFeed"/> when the feed was created.</summary>
    public bool ForcedFatal { get; } = fatal;
    public string Status { get; set; } = "IN_QUEUE";
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? ResultDocumentId { get; set; }
    public int Messages { get; set; }
    public int Failed { get; set; }

    public AmazonFeedRecord Record() => new(Id, FeedType, Status, Messages, Failed, CreatedAt, EndedAt);
}

/// <summary>The result of running a feed's document: FATAL or DONE, the report, and the message counts.</summary>
internal sealed record FeedOutcome(bool Fatal, string Report, string ReportContentType, int Messages, int Failed);
