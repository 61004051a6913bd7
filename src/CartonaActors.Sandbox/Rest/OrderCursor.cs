using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// The <c>next_cursor</c> of the order feed: base64url of <c>"&lt;updated_at ticks&gt;|&lt;id&gt;"</c>, the
/// position of the last order returned. Opaque to clients; a page continues strictly after that position, so
/// orders sharing a millisecond are neither skipped nor repeated, and an order that changed meanwhile is met
/// again at its new place at the end.
/// </summary>
internal static class OrderCursor
{
    public static string Encode(OrderPosition position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{position.UpdatedAt.UtcTicks}|{position.Id}")));

    public static bool TryDecode(string cursor, out OrderPosition position)
    {
        position = default;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || bar == text.Length - 1) return false;
        if (!long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return false;
        position = new OrderPosition(new DateTimeOffset(ticks, TimeSpan.Zero), text[(bar + 1)..]);
        return true;
    }
}
