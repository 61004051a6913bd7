using System.Text.Json;

namespace CartonaActors.Sandbox.Shopify.State;

/// <summary>
/// Results of mutations sent with <c>@idempotent(key:)</c>, kept 24 h per app and key. A repeat with the same key
/// and the same arguments gets the first result again, whatever it was (userErrors included), without re-running;
/// the same key with other arguments is refused (IDEMPOTENCY_KEY_PARAMETER_MISMATCH), as Shopify documents.
/// Guarded by the shop's lock, like the state the results describe.
/// </summary>
internal sealed class IdempotencyLedger
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly Dictionary<(string App, string Key), Entry> _entries = [];

    public sealed record Entry(string Fingerprint, object Payload, DateTimeOffset ExpiresAt);

    public Entry? Find(string app, string key, DateTimeOffset now)
    {
        if (!_entries.TryGetValue((app, key), out var entry)) return null;
        if (entry.ExpiresAt > now) return entry;
        _entries.Remove((app, key));
        return null;
    }

    public void Keep(string app, string key, string fingerprint, object payload, DateTimeOffset now) =>
        _entries[(app, key)] = new Entry(fingerprint, payload, now + Retention);

    public static string Fingerprint(string field, IReadOnlyDictionary<string, object?> arguments) =>
        field + ":" + JsonSerializer.Serialize(arguments);
}
