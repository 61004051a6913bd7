using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// The seller's order calls: <c>GET v1/orders</c>, a feed ordered by (updated_at, id) that pages by opaque cursor
/// or starts from an inclusive <c>updated_since</c>, and <c>POST v1/orders/{id}/status</c>, checked against the
/// seller's part of the state machine.
/// </summary>
internal sealed class OrderEndpoints(RestOrderBook book)
{
    public const string FeedPath = "v1/orders";
    public const string OrdersPrefix = "v1/orders/";
    public const string StatusSuffix = "/status";
    private const int DefaultLimit = 50;
    private const int MaxLimit = 100;

    public RestResult Feed(IQueryCollection query)
    {
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            return RestResult.InvalidRequest($"limit must be an integer from 1 to {MaxLimit}");

        OrderPosition? after = null;
        var cursorText = query["cursor"].ToString();
        if (cursorText.Length > 0)
        {
            if (!OrderCursor.TryDecode(cursorText, out var position)) return RestResult.Error(400, "invalid_cursor");
            after = position;
        }

        DateTimeOffset? since = null;
        var sinceText = query["updated_since"].ToString();
        // The cursor takes precedence: it already carries where the previous page stopped.
        if (after is null && sinceText.Length > 0)
        {
            if (!WireFormat.TryParseTimestamp(sinceText, out var parsed))
                return RestResult.InvalidRequest("updated_since must be an ISO-8601 UTC timestamp, e.g. 2026-12-02T10:00:00Z");
            since = parsed;
        }

        var json = book.Locked(() =>
        {
            var (page, hasMore) = book.Page(after, since, limit);
            return Cartona.JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("data");
                foreach (var order in page) RestOrderJson.Write(w, order);
                w.WriteEndArray();
                // Only when more follow: a client looping "while next_cursor is not null" must come to an end.
                if (hasMore) w.WriteString("next_cursor", OrderCursor.Encode(page[^1].Position));
                else w.WriteNull("next_cursor");
                w.WriteBoolean("has_more", hasMore);
                w.WriteEndObject();
            });
        });
        return new RestResult(200, json);
    }

    /// <summary>The order id of <c>v1/orders/{id}/status</c>, fully unescaped, or null when the path is not that.</summary>
    public static string? StatusOrderId(string path)
    {
        if (!path.StartsWith(OrdersPrefix, StringComparison.Ordinal) || !path.EndsWith(StatusSuffix, StringComparison.Ordinal))
            return null;
        var segment = path[OrdersPrefix.Length..^StatusSuffix.Length];
        // The server leaves an escaped slash (%2F) escaped in the path; the id is the fully unescaped segment.
        return segment.Length == 0 || segment.Contains('/') ? null : Uri.UnescapeDataString(segment);
    }

    public RestResult UpdateStatus(string id, string body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return RestResult.InvalidRequest($"body is not valid JSON: {e.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object) return RestResult.InvalidRequest("body must be a JSON object");
        if (!TryText(root, "status", out var status) || status is null) return RestResult.InvalidRequest("status is required");
        if (!RestOrderStatus.All.Contains(status))
            return RestResult.InvalidRequest($"unknown status '{status}'; one of: {string.Join(", ", RestOrderStatus.All)}");
        if (!TryText(root, "reason", out var reason)) return RestResult.InvalidRequest("reason must be a string or null");
        if (!TryText(root, "tracking", out var tracking)) return RestResult.InvalidRequest("tracking must be a string or null");
        // A request-level rule, checked before the order is looked at.
        if (status == RestOrderStatus.Cancelled && string.IsNullOrWhiteSpace(reason)) return RestResult.Error(400, "reason_required");

        return book.Locked(() =>
        {
            var order = book.Find(id);
            if (order is null) return RestResult.Error(404, "order_not_found");
            if (order.Status == status) return OrderAnswer(order); // a repeat is a no-op: updated_at stays
            if (!RestOrderStatus.SellerMayMove(order.Status, status))
            {
                var from = order.Status;
                return RestResult.Error(409, "invalid_transition", w =>
                {
                    w.WriteString("from", from);
                    w.WriteString("to", status);
                });
            }
            book.SellerChange(order, status, status == RestOrderStatus.Cancelled ? reason : null, tracking);
            return OrderAnswer(order);
        });
    }

    private static RestResult OrderAnswer(RestOrderBook.Order order) =>
        new(200, Cartona.JsonText.Write(w => RestOrderJson.Write(w, order)));

    /// <summary>False when the member is present with a type other than string or null.</summary>
    private static bool TryText(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.String) return false;
        value = element.GetString();
        return true;
    }
}
