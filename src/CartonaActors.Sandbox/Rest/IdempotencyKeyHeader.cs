namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// Reads the Idempotency-Key header. The draft defines it as a structured-field String (<c>"8e03…"</c>, quoted);
/// a bare value is accepted as well, and both spellings name the same key.
/// </summary>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 255;

    public static bool TryRead(string raw, out string key)
    {
        key = raw.Trim();
        if (key.Length >= 2 && key[0] == '"' && key[^1] == '"')
            key = key[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        return key.Length is > 0 and <= MaxLength;
    }
}
