namespace CartonaActors.Sandbox.Amazon;

/// <summary>How the emulated seller account behaves. Everything is read at start except <see cref="OperationLimits"/>,
/// which is read when an operation is first called, and the feed settings, read when a feed is created.</summary>
public sealed class AmazonEmulatorOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The LWA application's credentials, checked on every token refresh.</summary>
    public string ClientId { get; set; } = "amzn1.application-oa2-client.emu";

    public string ClientSecret { get; set; } = "emu-secret";

    /// <summary>LWA refresh tokens the seller authorised; LWA does not rotate them, so each stays valid.</summary>
    public ICollection<string> RefreshTokens { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>LWA access tokens live one hour (reference §3.1), measured by <see cref="Clock"/>.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public string SellerId { get; set; } = "A2EMUSELLER";
    public string MarketplaceId { get; set; } = "ATVPDKIKX0DER";
    public string Currency { get; set; } = "USD";
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Real time each feed step (IN_QUEUE to IN_PROGRESS, IN_PROGRESS to DONE) takes, and the time an ACCEPTED
    /// listing patch takes to become visible. Real time, not <see cref="Clock"/>, so a test never has to drive it.</summary>
    public TimeSpan FeedStepDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>JSON_LISTINGS_FEED submissions allowed per <see cref="FeedWindow"/> (5 per 5 min since 2025-05, reference §3.2).</summary>
    public int FeedsPerWindow { get; set; } = 5;

    public TimeSpan FeedWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>listings-feed-schema-v2 allows at most 25,000 messages; more makes the feed FATAL.</summary>
    public int MaxMessagesPerFeed { get; set; } = 25_000;

    /// <summary>Rate (requests per second) and burst per operationId, the usage plans printed in the models.</summary>
    public IDictionary<string, (double Rate, int Burst)> OperationLimits { get; set; } = DefaultLimits();

    public bool RecordRequestBodies { get; set; }

    public static Dictionary<string, (double Rate, int Burst)> DefaultLimits() => new(StringComparer.Ordinal)
    {
        ["patchListingsItem"] = (5, 5),
        ["getListingsItem"] = (5, 10),
        ["createFeedDocument"] = (0.5, 15),
        ["createFeed"] = (0.0083, 15),
        ["getFeed"] = (2, 15),
        ["cancelFeed"] = (2, 15),
        ["getFeedDocument"] = (0.0222, 10),
        ["searchOrders"] = (0.0056, 20),
        ["getOrder"] = (0.5, 30),
        ["confirmShipment"] = (2, 10),
    };

    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port));
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientSecret);
        ArgumentNullException.ThrowIfNull(RefreshTokens);
        ArgumentException.ThrowIfNullOrWhiteSpace(SellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(MarketplaceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(Currency);
        ArgumentNullException.ThrowIfNull(Clock);
        ArgumentNullException.ThrowIfNull(OperationLimits);
        if (AccessTokenLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(AccessTokenLifetime));
        if (FeedStepDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(FeedStepDelay));
        if (FeedsPerWindow < 1) throw new ArgumentOutOfRangeException(nameof(FeedsPerWindow));
        if (FeedWindow <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(FeedWindow));
        if (MaxMessagesPerFeed < 1) throw new ArgumentOutOfRangeException(nameof(MaxMessagesPerFeed));
        foreach (var (op, (rate, burst)) in OperationLimits)
            if (!(rate > 0) || burst < 1) throw new ArgumentOutOfRangeException(nameof(OperationLimits), $"{op}: rate and burst must be positive");
    }
}
