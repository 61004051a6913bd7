using System.Security.Cryptography;
using System.Text;

namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// Remembered writes under (token, Idempotency-Key), per draft-ietf-httpapi-idempotency-key-header. A key is
/// claimed when its request starts (a second request meanwhile gets 409), and either completed with the answer
/// to replay or released so the client may retry it. Only successful answers are completed: a refused or faulted
/// write applied nothing, so there is nothing a replay should protect. A completed key lives
/// <see cref="RestMarketplaceEmulatorOptions.IdempotencyWindow"/> (read at each look-up), then is forgotten.
/// </summary>
internal sealed class IdempotencyStore(RestMarketplaceEmulatorOptions options, TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Token, string Key), Entry> _entries = [];
    private readonly Queue<((string Token, string Key) Id, Entry Entry)> _byCompletion = new();

    /// <summary>
    /// Fingerprint of a request: method, path and body, so the same key sent to another endpoint counts as a
    /// different request even with an identical body.
    /// </summary>
    public static string Fingerprint(string method, string path, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method}\n{path}\n"));
        hash.AppendData(body);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public Claim Begin(string token, string key, string fingerprint)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var window = options.IdempotencyWindow;
            Prune(now, window);
            var id = (token, key);
            if (_entries.TryGetValue(id, out var entry) && !(entry.Completed is { } at && now - at >= window))
            {
                if (entry.Fingerprint != fingerprint) return Claim.Mismatch;
                if (entry.Completed is null) return Claim.InProgress;
                return new Claim(ClaimOutcome.Replay, entry.Status, entry.Json);
            }
            _entries[id] = new Entry(fingerprint);
            return Claim.Claimed;
        }
    }

    /// <summary>The claimed request answered <paramref name="result"/>: remember it for replays.</summary>
    public void Complete(string token, string key, RestResult result)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue((token, key), out var entry) || entry.Completed is not null) return;
            entry.Status = result.Status;
            entry.Json = result.Json;
            entry.Completed = clock.GetUtcNow();
            _byCompletion.Enqueue(((token, key), entry));
        }
    }

    /// <summary>The claimed request ended without a result worth keeping: the key is free again.</summary>
    public void Release(string token, string key)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((token, key), out var entry) && entry.Completed is null) _entries.Remove((token, key));
        }
    }

    // Completion order is expiry order, so only the front of the queue needs looking at.
    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        while (_byCompletion.TryPeek(out var oldest) && now - oldest.Entry.Completed!.Value >= window)
        {
            _byCompletion.Dequeue();
            if (_entries.TryGetValue(oldest.Id, out var current) && ReferenceEquals(current, oldest.Entry)) _entries.Remove(oldest.Id);
        }
    }

    private sealed class Entry(string fingerprint)
    {
        public string Fingerprint { get; } = fingerprint;
        public DateTimeOffset? Completed { get; set; }
        public int Status { get; set; }
        public string Json { get; set; } = "";
    }
}

internal enum ClaimOutcome
{
    /// <summary>The key is new (or expired): this request owns it and does the work.</summary>
    Claimed,

    /// <summary>Same key, same request, already answered: replay <see cref="Claim.Status"/> and <see cref="Claim.Json"/>.</summary>
    Replay,

    /// <summary>Same key, different request: 422.</summary>
    Mismatch,

    /// <summary>Same key, the first request is still running: 409.</summary>
    InProgress,
}

internal sealed record Claim(ClaimOutcome Outcome, int Status = 0, string Json = "")
{
    public static readonly Claim Claimed = new(ClaimOutcome.Claimed);
    public static readonly Claim Mismatch = new(ClaimOutcome.Mismatch);
    public static readonly Claim InProgress = new(ClaimOutcome.InProgress);
}
