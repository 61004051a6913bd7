namespace CartonaActors.Domain.Sync;

/// <summary>What a marketplace said about one bulk push. The engine alone decides what happens next.</summary>
public abstract record PushOutcome
{
    private PushOutcome() { }

    /// <summary>The call succeeded; the listed items (by index in the batch) were refused by the platform.</summary>
    /// <param name="Verified">False when the platform gave no per-item detail (a silent 2xx).</param>
    public sealed record Delivered(IReadOnlyList<ItemRejection> Rejected, bool Verified) : PushOutcome;

    /// <summary>429: call again no sooner than <paramref name="RetryAfter"/>.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : PushOutcome;

    /// <summary>5xx, timeout, connection refused, unreadable body: the batch may or may not have applied.</summary>
    public sealed record TransientFailure(string Reason) : PushOutcome;

    /// <summary>The credential was refused (401, or Cartona's 400 "invalid credentials").</summary>
    public sealed record AuthenticationFailed(string Reason) : PushOutcome;

    /// <summary>The batch was larger than the platform accepts (413).</summary>
    public sealed record BatchTooLarge(string Reason) : PushOutcome;

    /// <summary>The platform refused the whole batch as invalid (other 4xx).</summary>
    public sealed record BatchRefused(int StatusCode, string Reason) : PushOutcome;
}

/// <summary>One item of a bulk call that the platform refused, with its reason.</summary>
public sealed record ItemRejection(int Index, string Reason);
