namespace CartonaActors.Domain.Orders;

/// <summary>What a marketplace answered to one order call (pull, acknowledgement, status, line edits).</summary>
public abstract record CallOutcome
{
    private CallOutcome() { }

    public sealed record Ok : CallOutcome;

    /// <summary>429: call again no sooner than <paramref name="RetryAfter"/>.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : CallOutcome;

    /// <summary>5xx, timeout, connection refused, unreadable body.</summary>
    public sealed record TransientFailure(string Reason) : CallOutcome;

    public sealed record AuthenticationFailed(string Reason) : CallOutcome;

    /// <summary>The platform refused this call (e.g. 422 invalid_transition, a wrong OTP): do not repeat it as is.</summary>
    public sealed record Refused(int StatusCode, string Reason) : CallOutcome;
}

/// <summary>Body of <c>order/update-order-status/&lt;hashed_id&gt;</c>; <c>synced</c> is the acknowledgement.</summary>
public sealed record OrderStatusUpdate(string Status, string? RetailerOtp = null, string? CancellationReason = null);

/// <summary>One entry of <c>order/update-order-details</c>: change (<see cref="Id"/> set), add
/// (<see cref="InternalProductId"/> set, no id) or cancel (<see cref="Cancelled"/>) a detail.</summary>
public sealed record OrderDetailChange(long? Id, string? InternalProductId, decimal? Amount, decimal? Price, bool Cancelled = false, string? Comment = null);

/// <summary>One page of <c>order/pull-orders</c>.</summary>
public sealed record PulledOrders(IReadOnlyList<CartonaOrder> Orders, IReadOnlyList<UnreadableOrder> Unreadable, int RawCount);
