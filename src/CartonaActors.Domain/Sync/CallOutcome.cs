namespace CartonaActors.Domain.Sync;

/// <summary>
/// What a marketplace said about one call — a bulk push, an order pull, an acknowledgement, a status or line
/// update. Clients classify; the engine alone decides what happens next.
/// </summary>
public abstract record CallOutcome
{
    private CallOutcome() { }

    /// <summary>An accepted call with nothing to report.</summary>
    public static readonly CallOutcome Success = new Accepted([], true);

    /// <summary>The call succeeded; for a bulk call, the listed items (by index in the batch) were refused.</summary>
    /// <param name="Verified">False when a bulk call was answered without per-item detail (a silent 2xx).</param>
    /// <param name="Unattributed">Failures the answer reports without naming an item it can be tied to: some item
    /// not listed in <paramref name="Rejected"/> failed, which one is unknown.</param>
    /// <param name="Held">Items the platform cannot take yet (a listing at its daily revision cap): not sent, not
    /// refused; each goes again after its wait, with whatever value is latest by then.</param>
    public sealed record Accepted(IReadOnlyList<ItemRejection> Rejected, bool Verified, IReadOnlyList<string>? Unattributed = null,
        IReadOnlyList<ItemHold>? Held = null) : CallOutcome;

    /// <summary>429: call again no sooner than <paramref name="RetryAfter"/>.</summary>
    /// <param name="NotSent">The client did not make the call: the platform's budget, as its last answer reported
    /// it, cannot pay for it yet (a cost-metered platform). Nothing reached the platform, so nothing is recorded as
    /// failed and the connection's own budget is not drained; the call simply waits.</param>
    public sealed record RateLimited(TimeSpan RetryAfter, bool NotSent = false) : CallOutcome;

    /// <summary>5xx, timeout, connection refused, unreadable body: the call may or may not have applied.</summary>
    public sealed record TransientFailure(string Reason) : CallOutcome;

    /// <summary>The credential was refused.</summary>
    public sealed record AuthenticationFailed(string Reason) : CallOutcome;

    /// <summary>The batch was larger than the platform accepts (413).</summary>
    public sealed record TooLarge(string Reason) : CallOutcome;

    /// <summary>The platform refused the call as invalid (other 4xx, an illegal transition, a wrong code): do
    /// not repeat it as is.</summary>
    public sealed record Refused(int StatusCode, string Reason) : CallOutcome;
}

/// <summary>One item of a bulk call that the platform refused, with its reason.</summary>
public sealed record ItemRejection(int Index, string Reason);

/// <summary>One item of a bulk call the client held back, and how long until it may go.</summary>
public sealed record ItemHold(int Index, TimeSpan Wait, string Reason);
