namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// Knobs of a <see cref="RestMarketplaceEmulator"/>. Rate, burst, batch size, the idempotency settings and
/// the two modes are read on every request, so a test may change them while the emulator runs;
/// <see cref="Port"/>, <see cref="Tokens"/> and <see cref="Clock"/> are read once at start.
/// </summary>
public sealed class RestMarketplaceEmulatorOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Bearer tokens the emulator accepts. Required: an emulator that accepts anything proves nothing.</summary>
    public ISet<string> Tokens { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Sustained calls per second allowed per token.</summary>
    public double RequestsPerSecond { get; set; } = 10;

    /// <summary>Calls a token may make at once after a quiet period (the bucket's size, the policy's <c>q</c>).</summary>
    public int Burst { get; set; } = 20;

    /// <summary>Most items one batch may carry; more answers 413 <c>batch_too_large</c>.</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>
    /// How long a completed write is remembered under its Idempotency-Key. Every remembered answer stays in
    /// memory for this long, so a long benchmark sending thousands of keyed batches should shorten it.
    /// </summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A write without an Idempotency-Key is refused with 400 <c>idempotency_key_required</c>.</summary>
    public bool RequireIdempotencyKey { get; set; } = true;

    /// <summary>Demo convenience: a batch item naming an external_id the catalog lacks creates the product.</summary>
    public bool AutoCreateUnknownProducts { get; set; }

    /// <summary>Keep each request's body in <see cref="RestRecordedCall.Body"/>; turn off for long benchmarks.</summary>
    public bool RecordRequestBodies { get; set; } = true;

    /// <summary>
    /// Source of every time the emulator uses: the token buckets, order timestamps, the idempotency window and
    /// fault holds. Tests may pass a controllable one to make rate limits and timestamps deterministic.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (Tokens is null || Tokens.Count == 0 || Tokens.Any(string.IsNullOrEmpty))
            throw new ArgumentException("RestMarketplaceEmulatorOptions.Tokens must hold at least one non-empty token.");
        if (Port is < 0 or > 65535) throw new ArgumentException($"RestMarketplaceEmulatorOptions.Port {Port} is not a valid port.");
        if (!(RequestsPerSecond > 0)) throw new ArgumentException("RestMarketplaceEmulatorOptions.RequestsPerSecond must be positive.");
        if (Burst < 1) throw new ArgumentException("RestMarketplaceEmulatorOptions.Burst must be at least 1.");
        if (MaxBatchSize < 1) throw new ArgumentException("RestMarketplaceEmulatorOptions.MaxBatchSize must be at least 1.");
        if (IdempotencyWindow <= TimeSpan.Zero)
            throw new ArgumentException("RestMarketplaceEmulatorOptions.IdempotencyWindow must be positive.");
        if (Clock is null) throw new ArgumentException("RestMarketplaceEmulatorOptions.Clock is required.");
    }
}
