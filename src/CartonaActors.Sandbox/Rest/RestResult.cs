using System.Text.Json;

namespace CartonaActors.Sandbox.Rest;

/// <summary>What one emulated endpoint answers, before it is written to the wire.</summary>
internal sealed record RestResult(int Status, string Json)
{
    /// <summary>Items the endpoint applied, announced through <see cref="RestMarketplaceEmulator.ItemApplied"/>.</summary>
    public IReadOnlyList<RestAppliedItem> Applied { get; init; } = [];

    /// <summary>A stored answer replayed for a repeated Idempotency-Key (nothing was done this time).</summary>
    public bool Replayed { get; init; }

    /// <summary>Only a successful answer did the write's work, so only it is worth remembering under a key.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary><c>{"error":"code"}</c>, the shape every refusal shares.</summary>
    public static RestResult Error(int status, string code) => Error(status, code, _ => { });

    /// <summary>An error body with extra members after <c>error</c>, e.g. <c>max</c> or <c>from</c>/<c>to</c>.</summary>
    public static RestResult Error(int status, string code, Action<Utf8JsonWriter> extra) =>
        new(status, Cartona.JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("error", code);
            extra(w);
            w.WriteEndObject();
        }));

    /// <summary>400 <c>{"error":"invalid_request","message":"..."}</c>: the request as a whole is unusable.</summary>
    public static RestResult InvalidRequest(string message) =>
        Error(400, "invalid_request", w => w.WriteString("message", message));
}
