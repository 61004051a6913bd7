namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// Knobs of a <see cref="CartonaEmulator"/>. Rate, batch size, auth failure status and the two modes are read
/// on every request, so a test may change them while the emulator runs; <see cref="Port"/> and
/// <see cref="Tokens"/> are read once at start.
/// </summary>
public sealed class CartonaEmulatorOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Tokens the emulator accepts. Required: an emulator that accepts anything proves nothing.</summary>
    public ISet<string> Tokens { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Sustained calls per second allowed per token (the proposal's 5).</summary>
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>Calls a token may make at once after a quiet period (the proposal's 10).</summary>
    public int Burst { get; set; } = 10;

    /// <summary>Largest bulk-update accepted; larger answers 413.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>
    /// Status for a missing or wrong token: 401 (the proposal) or 400 with <c>{"error":"invalid credentials"}</c>,
    /// which is what the real Cartona appears to send.
    /// </summary>
    public int AuthFailureStatus { get; set; } = 401;

    /// <summary>Bulk-update answers 200 <c>{}</c> without per-item detail, as the real endpoint may.</summary>
    public bool SilentBulkResponses { get; set; }

    /// <summary>Silent partial application: every Nth valid row of a bulk update (counted across calls) is not
    /// applied, yet reported as updated. 0 = off. Read on every request.</summary>
    public int SilentlyDropEveryNth { get; set; }

    /// <summary>Demo convenience: a bulk-update row with an unknown internal_product_id creates the product.</summary>
    public bool AutoCreateUnknownProducts { get; set; }

    /// <summary>Pulled orders carry selling_price and total_price as text ("200.5") rather than numbers, as some
    /// Cartona answers do (marketplaces.md §1.9).</summary>
    public bool OrderPricesAsText { get; set; }

    /// <summary>Keep each request's body in <see cref="RecordedCall.Body"/>; turn off for long benchmarks.</summary>
    public bool RecordRequestBodies { get; set; } = true;

    internal void Validate()
    {
        if (Tokens is null || Tokens.Count == 0 || Tokens.Any(string.IsNullOrEmpty))
            throw new ArgumentException("CartonaEmulatorOptions.Tokens must hold at least one non-empty token.");
        if (Port is < 0 or > 65535) throw new ArgumentException($"CartonaEmulatorOptions.Port {Port} is not a valid port.");
        if (RequestsPerSecond <= 0) throw new ArgumentException("CartonaEmulatorOptions.RequestsPerSecond must be positive.");
        if (Burst < 1) throw new ArgumentException("CartonaEmulatorOptions.Burst must be at least 1.");
        if (MaxBatchSize < 1) throw new ArgumentException("CartonaEmulatorOptions.MaxBatchSize must be at least 1.");
    }
}
