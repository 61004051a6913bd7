namespace CartonaActors.Sandbox.Rest;

/// <summary>One request the emulator answered.</summary>
/// <param name="Path">Request path, e.g. <c>/v1/inventory:batch</c>.</param>
/// <param name="Query">Query string including '?', or empty.</param>
/// <param name="Status">Status answered; 499 when a fault held the request until the client hung up or the emulator stopped.</param>
/// <param name="IdempotencyKey">The Idempotency-Key header as sent, or null when the request had none.</param>
/// <param name="Replayed">The answer was a stored one replayed for a repeated key (nothing was applied).</param>
/// <param name="ItemCount">Items in a batch body, when the body was read and had an <c>items</c> array.</param>
/// <param name="Body">Request body, when recorded and not empty.</param>
public sealed record RestRecordedCall(
    DateTimeOffset At,
    string Method,
    string Path,
    string Query,
    int Status,
    string? IdempotencyKey,
    bool Replayed,
    int? ItemCount,
    string? Body)
{
    public bool HasIdempotencyKey => IdempotencyKey is not null;
}
