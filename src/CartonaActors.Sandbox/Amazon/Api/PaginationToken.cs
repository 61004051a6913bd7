using System.Text;
using System.Text.Json;

namespace CartonaActors.Sandbox.Amazon.Api;

/// <summary>searchOrders' opaque nextToken: the search window, the last (time, orderId) returned, and when it was issued
/// (tokens expire after 24 h). Keyset rather than offset, so orders placed meanwhile do not shift the pages.</summary>
internal sealed record PaginationToken(bool ByCreated, DateTimeOffset After, DateTimeOffset Before, DateTimeOffset LastTime, string LastId,
    DateTimeOffset IssuedAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static PaginationToken? Decode(string text)
    {
        try
        {
            var b64 = text.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            return JsonSerializer.Deserialize<PaginationToken>(Encoding.UTF8.GetString(Convert.FromBase64String(b64)));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
