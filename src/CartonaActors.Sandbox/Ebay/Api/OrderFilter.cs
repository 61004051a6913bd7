namespace CartonaActors.Sandbox.Ebay.Api;

/// <summary>The getOrders <c>filter</c>: <c>creationdate:[from..to?]</c>, <c>lastmodifieddate:[from..to?]</c> (only
/// creationdate is used when both are given, as documented) and <c>orderfulfillmentstatus:{A|B}</c>.</summary>
internal sealed record OrderFilter(bool ByCreation, DateTimeOffset? From, DateTimeOffset? To, IReadOnlySet<string>? Statuses)
{
    public static readonly OrderFilter None = new(false, null, null, null);

    /// <summary>The parsed filter, or the error answer eBay gives for it.</summary>
    public static (OrderFilter? Filter, ApiAnswer? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (None, null);
        (DateTimeOffset? From, DateTimeOffset? To)? created = null, modified = null;
        IReadOnlySet<string>? statuses = null;
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = raw.IndexOf(':');
            if (colon <= 0) return (null, Invalid(30700, $"Invalid filter name: {raw}"));
            var name = raw[..colon].ToLowerInvariant();
            var value = raw[(colon + 1)..];
            switch (name)
            {
                case "creationdate":
                case "lastmodifieddate":
                    var range = Range(value, name);
                    if (range.Error is not null) return (null, range.Error);
                    if (name == "creationdate") created = (range.From, range.To);
                    else modified = (range.From, range.To);
                    break;
                case "orderfulfillmentstatus":
                    if (!value.StartsWith('{') || !value.EndsWith('}')) return (null, BadValue(value, name));
                    var set = value[1..^1].Split('|').ToHashSet(StringComparer.Ordinal);
                    if (!set.SetEquals(["NOT_STARTED", "IN_PROGRESS"]) && !set.SetEquals(["FULFILLED", "IN_PROGRESS"])) return (null, BadValue(value, name));
                    statuses = set;
                    break;
                default:
                    return (null, Invalid(30700, $"Invalid filter name: {name}"));
            }
        }
        var window = created ?? modified;
        return (new OrderFilter(created is not null, window?.From, window?.To, statuses), null);
    }

    private static (DateTimeOffset? From, DateTimeOffset? To, ApiAnswer? Error) Range(string value, string name)
    {
        if (!value.StartsWith('[') || !value.EndsWith(']')) return (null, null, BadValue(value, name));
        var parts = value[1..^1].Split("..");
        if (parts.Length != 2) return (null, null, BadValue(value, name));
        if (parts[0].Length == 0) return (null, null, Invalid(30820, "Start date is missing"));
        if (!Wire.TryParseDate(parts[0], out var from)) return (null, null, Invalid(30810, "Invalid date format"));
        DateTimeOffset? to = null;
        if (parts[1].Length > 0)
        {
            if (!Wire.TryParseDate(parts[1], out var end)) return (null, null, Invalid(30810, "Invalid date format"));
            if (end < from) return (null, null, Invalid(30840, "Start date should be before end date"));
            to = end;
        }
        return (from, to, null);
    }

    public bool Matches(State.Order order)
    {
        var at = ByCreation ? order.CreationDate : order.LastModifiedDate;
        if (From is { } f && at < f) return false;
        if (To is { } t && at > t) return false;
        return Statuses is null || Statuses.Contains(order.FulfillmentStatus);
    }

    public static ApiAnswer BadValue(string value, string name) => Invalid(30800, $"Invalid filter value {value} for filter {name}");

    private static ApiAnswer Invalid(int errorId, string message) => EbayErrors.Fulfillment(400, errorId, message);
}
