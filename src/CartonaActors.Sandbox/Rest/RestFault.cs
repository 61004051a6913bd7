namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// A failure the emulator answers with instead of (or after) doing the call's work. Faults are taken after
/// auth, the rate limit and the Idempotency-Key check, so a faulted write holds its key while it runs.
/// </summary>
public abstract record RestFault
{
    private RestFault() { }

    /// <summary>Answer with this status (500, 502, 503…) and <c>{"error":"server_error"}</c>; nothing is applied.</summary>
    public sealed record ServerError(int Status = 500) : RestFault;

    /// <summary>Answer 429 <c>rate_limited</c> with this Retry-After (at least 1), whatever the token bucket says.</summary>
    public sealed record RateLimit(int RetryAfterSeconds) : RestFault;

    /// <summary>
    /// Answer 429 <c>rate_limited</c> with neither Retry-After nor the RateLimit field (RateLimit-Policy stays):
    /// the client gets no hint of when to come back and must back off on its own.
    /// </summary>
    public sealed record RateLimitWithoutRetryAfter : RestFault;

    /// <summary>Hold the request for <paramref name="Hold"/>, then do the work and answer normally (a slow server).</summary>
    public sealed record Delay(TimeSpan Hold) : RestFault;

    /// <summary>
    /// Hold the request for <paramref name="Hold"/> (null: until the client hangs up or the emulator stops),
    /// then answer 504 without doing the work. Meant to outlast the client's timeout.
    /// </summary>
    public sealed record Timeout(TimeSpan? Hold = null) : RestFault;

    /// <summary>
    /// Do the work (apply the batch, change the status), then answer this status instead of the real answer, as
    /// a server that crashes after committing would. A retry without an Idempotency-Key applies everything again;
    /// with the same key it gets the real, successful answer replayed, because that answer is what was stored
    /// under the key: the key remembers what was committed, not what the broken connection carried.
    /// </summary>
    public sealed record CommitThenFail(int Status = 500) : RestFault;
}
