namespace CartonaActors.Sandbox.Cartona;

/// <summary>One request the emulator answered.</summary>
/// <param name="Path">Request path, e.g. <c>/api/v1/supplier-product/bulk-update</c>.</param>
/// <param name="Query">Query string including '?', or empty.</param>
/// <param name="Status">Status answered; 499 when the client hung up first (a held timeout fault).</param>
/// <param name="ItemCount">Rows in a bulk-update body, when the body was read and was an array.</param>
/// <param name="Body">Request body, when recorded and not empty.</param>
public sealed record RecordedCall(
    DateTimeOffset At,
    string Method,
    string Path,
    string Query,
    int Status,
    int? ItemCount,
    string? Body);
