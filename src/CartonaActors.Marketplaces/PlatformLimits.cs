namespace CartonaActors.Marketplaces;

/// <summary>
/// A platform's published limits as data, read by the engine's throttle: the largest bulk call, how calls are
/// paced, how many HTTP calls one push makes, and how many may be in flight.
/// </summary>
/// <param name="MaxAcknowledgementsPerCall">Orders one acknowledgement call may carry (1: one call per order).</param>
/// <param name="PushTakesUpTo">How long one push may take on a platform that confirms asynchronously (Amazon's
/// feeds: minutes); pushes handed out are not offered again before then. Null: a push is one quick call.</param>
public sealed record PlatformLimits(int MaxBatchSize, PacingModel Pacing, int CallsPerPush, int MaxConcurrentRequests,
    int MaxAcknowledgementsPerCall = 1, TimeSpan? PushTakesUpTo = null)
{
    /// <summary>How long one push may go unanswered: its calls' timeouts, or what the platform says a push takes.</summary>
    public TimeSpan PushTimeout(TimeSpan callTimeout)
    {
        var calls = callTimeout * Math.Max(1, CallsPerPush) + TimeSpan.FromSeconds(10);
        return PushTakesUpTo is { } slow && slow + callTimeout + TimeSpan.FromSeconds(10) > calls ? slow + callTimeout + TimeSpan.FromSeconds(10) : calls;
    }

    /// <summary>How long pushes handed to the connection may stay unsettled before they are offered again: six resend
    /// periods, or longer where the platform's own push takes longer (an asynchronous feed).</summary>
    public TimeSpan HandedTimeout(TimeSpan resendAfter) =>
        PushTakesUpTo is { } slow && slow + resendAfter > resendAfter * 6 ? slow + resendAfter : resendAfter * 6;
}

/// <summary>How a platform meters calls. Every model is a budget that refills over time; a call spends its cost.</summary>
public abstract record PacingModel
{
    private PacingModel() { }

    /// <summary>Budget refill per second, budget size, and what one push and one order call cost.</summary>
    public abstract (double RefillPerSecond, int Capacity, double PushCost, double OrderCallCost) Budget { get; }

    /// <summary>Requests per second with a burst (Cartona, generic REST, Amazon per operation).</summary>
    public sealed record RequestRate(double PerSecond, int Burst) : PacingModel
    {
        public override (double, int, double, double) Budget => (PerSecond, Burst, 1, 1);
    }

    /// <summary>A cost bucket in points (Shopify GraphQL): refill per second, bucket size, cost per call.</summary>
    public sealed record CostBucket(double PointsPerSecond, int Capacity, double PushCost, double OrderCallCost) : PacingModel
    {
        public override (double, int, double, double) Budget => (PointsPerSecond, Capacity, PushCost, OrderCallCost);
    }

    /// <summary>A quota of calls per window (eBay daily quotas, Amazon feeds per 5 minutes).</summary>
    public sealed record QuotaWindow(int Calls, TimeSpan Window) : PacingModel
    {
        public override (double, int, double, double) Budget => (Calls / Window.TotalSeconds, Calls, 1, 1);
    }
}
