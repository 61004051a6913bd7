namespace CartonaActors.Sandbox.Cartona;

/// <summary>A failure the emulator answers with instead of doing the call's work.</summary>
public abstract record CartonaFault
{
    private CartonaFault() { }

    /// <summary>Answer with this status (500, 502, 503…) and a short JSON error body.</summary>
    public sealed record ServerError(int Status) : CartonaFault;

    /// <summary>Hold the request for <paramref name="Hold"/> (longer than the client's timeout), then answer 504.</summary>
    public sealed record Timeout(TimeSpan Hold) : CartonaFault;

    /// <summary>Answer 200 with a body that is not JSON.</summary>
    public sealed record MalformedJson : CartonaFault;

    /// <summary>Answer 429 with this Retry-After, whatever the token bucket says.</summary>
    public sealed record RateLimit(int RetryAfterSeconds) : CartonaFault;

    /// <summary>Answer 429 without a Retry-After header, as a proxy in front of the API may.</summary>
    public sealed record RateLimitWithoutRetryAfter : CartonaFault;

    /// <summary>Reset the connection without an answer.</summary>
    public sealed record Reset : CartonaFault;
}
