namespace CartonaActors.Domain.Sync;

/// <summary>Exponential backoff with jitter for calls that failed transiently.</summary>
public sealed record RetryBackoff(TimeSpan Min, TimeSpan Max, double RandomFactor)
{
    public static readonly RetryBackoff Default = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60), 0.2);

    /// <param name="attempt">1 for the first retry.</param>
    /// <param name="random01">A number in [0, 1): the caller owns randomness so this stays deterministic.</param>
    public TimeSpan Delay(int attempt, double random01)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ms = Math.Min(Max.TotalMilliseconds, Min.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ms * (1 + RandomFactor * random01));
    }
}
