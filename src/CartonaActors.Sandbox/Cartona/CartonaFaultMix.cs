namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// Faults at configured rates (each a probability per request, their sum at most 1), for a platform that
/// misbehaves now and then rather than on cue: rate limits with and without Retry-After, server errors,
/// connection resets, answers slower than the client waits, and broken JSON.
/// </summary>
public sealed record CartonaFaultMix
{
    public double RateLimited { get; init; }
    public double RateLimitedWithoutRetryAfter { get; init; }
    public double ServerError500 { get; init; }
    public double Unavailable503 { get; init; }
    public double Reset { get; init; }
    public double Timeout { get; init; }
    public double MalformedJson { get; init; }

    /// <summary>How long a timed-out request is held: longer than the client's timeout.</summary>
    public TimeSpan TimeoutHold { get; init; } = TimeSpan.FromSeconds(35);

    public int RetryAfterSeconds { get; init; } = 1;

    internal CartonaFault? Draw(Random random)
    {
        var roll = random.NextDouble();
        foreach (var (rate, fault) in Faults())
        {
            if (roll < rate) return fault;
            roll -= rate;
        }
        return null;
    }

    private IEnumerable<(double Rate, CartonaFault Fault)> Faults()
    {
        yield return (RateLimited, new CartonaFault.RateLimit(RetryAfterSeconds));
        yield return (RateLimitedWithoutRetryAfter, new CartonaFault.RateLimitWithoutRetryAfter());
        yield return (ServerError500, new CartonaFault.ServerError(500));
        yield return (Unavailable503, new CartonaFault.ServerError(503));
        yield return (Reset, new CartonaFault.Reset());
        yield return (Timeout, new CartonaFault.Timeout(TimeoutHold));
        yield return (MalformedJson, new CartonaFault.MalformedJson());
    }
}
