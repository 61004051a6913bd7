using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Ebay.State;
using Microsoft.AspNetCore.WebUtilities;

namespace CartonaActors.Sandbox.Ebay.Api;

/// <summary>
/// <c>GET sell/fulfillment/v1/order</c>: orders matching the filter (or the orderIds), sorted by creation date, oldest
/// first, paged by limit (default 50, at most 200) and offset. eBay documents that the filter's special characters must
/// be percent-encoded, so a raw <c>[ ] { } |</c> in the query string is refused. Offset paging is not stable: an order
/// that enters the window between two pages shifts the rest, as on eBay (<see cref="EbayFaults.ShiftPagesNext"/>).
/// </summary>
internal sealed class GetOrders(EbayEmulatorOptions options, EbayStore store, EbayFaults faults, string baseUrl)
{
    public const int DefaultLimit = 50, MaxLimit = 200, MaxOrderIds = 50;

    public ApiAnswer Handle(string? rawQuery)
    {
        var raw = rawQuery?.TrimStart('?') ?? "";
        var query = QueryHelpers.ParseQuery(raw);
        string? Get(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;
        var filterText = Get("filter");
        if (raw.IndexOfAny(['[', ']', '{', '}', '|']) >= 0)
            return OrderFilter.BadValue(filterText ?? raw, "filter");

        if (Get("orderIds") is { } ids)
        {
            var wanted = ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (wanted.Length > MaxOrderIds)
                return EbayErrors.Fulfillment(400, 30900, $"Exceeded maximum number of order IDs (the current limit is {MaxOrderIds})");
            lock (store.Gate)
            {
                var found = wanted.Select(store.Find).OfType<Order>().Distinct().ToList();
                return Page(found, found.Count, DefaultLimit, 0, null, "orderIds=" + Uri.EscapeDataString(ids));
            }
        }
        var limit = DefaultLimit;
        if (Get("limit") is { } l && (!int.TryParse(l, out limit) || limit < 1 || limit > MaxLimit))
            return EbayErrors.Fulfillment(400, 31100, $"Invalid limit: {l}");
        var offset = 0;
        if (Get("offset") is { } o && (!int.TryParse(o, out offset) || offset < 0))
            return EbayErrors.Fulfillment(400, 31000, $"Invalid offset: {o}");
        var (filter, error) = OrderFilter.Parse(filterText);
        if (error is not null) return error;

        lock (store.Gate)
        {
            var matching = Sorted().Where(filter!.Matches).ToList();
            var page = matching.Skip(offset).Take(limit).ToList();
            var answer = Page(page, matching.Count, limit, offset, filterText, null);
            if (offset + limit < matching.Count && page.Count > 0 && faults.ShiftArmed && Shift(filter, matching, page[^1]))
                faults.ShiftDone();
            return answer;
        }
    }

    private IEnumerable<Order> Sorted() => store.Orders.OrderBy(o => o.CreationDate).ThenBy(o => o.OrderId, StringComparer.Ordinal);

    /// <summary>Modifies the oldest order that is not in the result set but was created before the last order served,
    /// so it now matches and lands before the offset already read.</summary>
    private bool Shift(OrderFilter filter, List<Order> matching, Order lastServed)
    {
        var now = store.Now;
        foreach (var candidate in Sorted())
        {
            if (candidate.CreationDate > lastServed.CreationDate) break;
            if (matching.Contains(candidate)) continue;
            var was = candidate.LastModifiedDate;
            candidate.LastModifiedDate = now;
            if (filter.Matches(candidate)) return true;
            candidate.LastModifiedDate = was;
        }
        return false;
    }

    private ApiAnswer Page(List<Order> orders, int total, int limit, int offset, string? filter, string? idsQuery)
    {
        string Url(int at) => baseUrl + "sell/fulfillment/v1/order?" +
            (idsQuery ?? (filter is null ? "" : "filter=" + Uri.EscapeDataString(filter) + "&") + $"limit={limit}&offset={at}");
        var body = new JsonObject { ["href"] = Url(offset), ["total"] = total, ["limit"] = limit, ["offset"] = offset };
        if (idsQuery is null && offset + limit < total) body["next"] = Url(offset + limit);
        if (idsQuery is null && offset > 0) body["prev"] = Url(Math.Max(0, offset - limit));
        body["orders"] = new JsonArray(orders.Select(o => (JsonNode)OrderJson.Write(o, options, baseUrl, withCancelRequests: false)).ToArray());
        return new ApiAnswer(200, body.ToJsonString());
    }
}
