using System.Globalization;
using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Amazon.State;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Amazon.Api;

/// <summary>
/// Orders 2026-01-01 searchOrders and getOrder. searchOrders takes exactly one of createdAfter / lastUpdatedAfter; the
/// matching *Before must be at least two minutes in the past and defaults to now minus two minutes, which the answer
/// echoes, so orders changed in the last two minutes only show up later. Pages are keyset-ordered by the window's time
/// then orderId; nextToken lives 24 h.
/// </summary>
internal sealed class OrdersEndpoint(AmazonEmulatorOptions options, SellerState state, AmazonCounters counters)
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    public SpAnswer Search(IQueryCollection query)
    {
        if (Included(query, out var included) is { } bad) return bad;
        var now = state.Now();
        var maxText = query["maxResultsPerPage"].ToString();
        var max = 100;
        if (maxText.Length > 0 && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > 100))
            return SpAnswer.Invalid("'maxResultsPerPage' must be between 1 and 100.");

        var window = Window(query, now);
        if (window.Error is not null) return SpAnswer.Invalid(window.Error);
        var (byCreated, after, before) = window.Value!.Value;
        (DateTimeOffset Time, string Id)? from = null;
        var tokenText = query["paginationToken"].ToString();
        if (tokenText.Length > 0)
        {
            if (PaginationToken.Decode(tokenText) is not { } token) return SpAnswer.Invalid("The 'paginationToken' is not valid.");
            if (now - token.IssuedAt > PaginationToken.Lifetime) return SpAnswer.Invalid("The 'paginationToken' has expired (tokens are valid for 24 hours).");
            if (window.Given && (token.ByCreated != byCreated || token.After != after || (window.BeforeGiven && token.Before != before)))
                return SpAnswer.Invalid("The 'paginationToken' was issued for other search parameters.");
            (byCreated, after, before) = (token.ByCreated, token.After, token.Before);
            from = (token.LastTime, token.LastId);
        }
        else if (!window.Given) return SpAnswer.Invalid("Exactly one of 'createdAfter' and 'lastUpdatedAfter' is required.");

        var statuses = Wire.List(query, "fulfillmentStatuses");
        var marketplaces = Wire.List(query, "marketplaceIds");
        var fulfilledBy = Wire.List(query, "fulfilledBy");
        var orders = new JsonArray();
        string? next = null;
        lock (state.Gate)
        {
            DateTimeOffset Key(OrderState o) => byCreated ? o.CreatedAt : o.LastUpdated;
            var matching = state.Orders.Values
                .Where(o => Key(o) >= after && Key(o) <= before)
                .Where(o => statuses.Count == 0 || statuses.Contains(o.Status))
                .Where(o => marketplaces.Count == 0 || marketplaces.Contains(options.MarketplaceId))
                .Where(o => fulfilledBy.Count == 0 || fulfilledBy.Contains("MERCHANT"))
                .OrderBy(Key).ThenBy(o => o.Id, StringComparer.Ordinal)
                .Where(o => from is not { } f || Key(o) > f.Time || (Key(o) == f.Time && string.CompareOrdinal(o.Id, f.Id) > 0))
                .Take(max + 1)
                .ToList();
            foreach (var o in matching.Take(max)) orders.Add(OrderJson.Write(o, included, options));
            if (matching.Count > max)
            {
                var last = matching[max - 1];
                next = new PaginationToken(byCreated, after, before, Key(last), last.Id, now).Encode();
            }
        }
        counters.Searched();
        var answer = new JsonObject { ["orders"] = orders };
        if (next is not null) answer["pagination"] = new JsonObject { ["nextToken"] = next };
        answer[byCreated ? "createdBefore" : "lastUpdatedBefore"] = Wire.Time(before);
        return SpAnswer.Json(200, answer);
    }

    public SpAnswer Get(string orderId, IQueryCollection query)
    {
        if (Included(query, out var included) is { } bad) return bad;
        lock (state.Gate)
            return state.Orders.TryGetValue(orderId, out var o)
                ? SpAnswer.Json(200, new JsonObject { ["order"] = OrderJson.Write(o, included, options) })
                : SpAnswer.NotFound($"The order '{orderId}' was not found.");
    }

    private readonly record struct SearchWindow(string? Error, (bool ByCreated, DateTimeOffset After, DateTimeOffset Before)? Value, bool Given, bool BeforeGiven);

    private static SearchWindow Window(IQueryCollection query, DateTimeOffset now)
    {
        string? Q(string name) => query.TryGetValue(name, out var v) && v.ToString().Length > 0 ? v.ToString() : null;
        var (ca, cb, ua, ub) = (Q("createdAfter"), Q("createdBefore"), Q("lastUpdatedAfter"), Q("lastUpdatedBefore"));
        var latest = now - Settle;
        if (ca is null && ua is null)
        {
            if (cb is not null || ub is not null) return new SearchWindow("A *Before parameter needs its *After parameter.", null, false, false);
            return new SearchWindow(null, (false, DateTimeOffset.MinValue, latest), false, false);
        }
        if (ca is not null && ua is not null) return new SearchWindow("Exactly one of 'createdAfter' and 'lastUpdatedAfter' is allowed.", null, true, false);
        var byCreated = ca is not null;
        if (byCreated ? ub is not null : cb is not null)
            return new SearchWindow(byCreated ? "'lastUpdatedBefore' cannot be used with 'createdAfter'." : "'createdBefore' cannot be used with 'lastUpdatedAfter'.", null, true, false);
        var afterName = byCreated ? "createdAfter" : "lastUpdatedAfter";
        var beforeName = byCreated ? "createdBefore" : "lastUpdatedBefore";
        if (!Wire.TryTime(byCreated ? ca : ua, out var after)) return new SearchWindow($"'{afterName}' must be an ISO 8601 date-time.", null, true, false);
        var beforeText = byCreated ? cb : ub;
        var before = latest;
        if (beforeText is not null)
        {
            if (!Wire.TryTime(beforeText, out before)) return new SearchWindow($"'{beforeName}' must be an ISO 8601 date-time.", null, true, true);
            if (before > latest) return new SearchWindow($"'{beforeName}' must be at least two minutes before the time of the request.", null, true, true);
            if (before < after) return new SearchWindow($"'{beforeName}' must be equal to or after '{afterName}'.", null, true, true);
        }
        return new SearchWindow(null, (byCreated, after, before), true, beforeText is not null);
    }

    private static SpAnswer? Included(IQueryCollection query, out HashSet<string> included)
    {
        included = new HashSet<string>(Wire.List(query, "includedData"), StringComparer.Ordinal);
        var bad = included.FirstOrDefault(i => !OrderJson.Datasets.Contains(i));
        return bad is null ? null : SpAnswer.Invalid($"'{bad}' is not a valid includedData value.");
    }
}
