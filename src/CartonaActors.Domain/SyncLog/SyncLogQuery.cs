using System.Globalization;

namespace CartonaActors.Domain.SyncLog;

/// <summary>What a reader of the sync log asks for: newest first, every filter optional.</summary>
public sealed record SyncLogFilter(
    string? Connection = null,
    string? Level = null,
    string? Kind = null,
    string? ProductId = null,
    string? OrderId = null,
    DateTimeOffset? Since = null,
    long? Before = null,
    int Limit = SyncLogQuery.DefaultLimit);

/// <summary>One stored row as the API answers it.</summary>
public sealed record SyncLogEntry(
    long Id, DateTimeOffset At, string Level, string Kind, string? Connection, string? ProductId, string? OrderId, string Outcome, string Message);

/// <summary>The dashboard's view: counts since <see cref="Since"/>, and items pushed and errors per minute of the last hour.</summary>
public sealed record SyncLogSummary(
    DateTimeOffset Since, IReadOnlyDictionary<string, long> ByLevel, IReadOnlyDictionary<string, long> ByKind, IReadOnlyList<SyncLogMinute> LastHour);

public sealed record SyncLogMinute(DateTimeOffset Minute, long Pushes, long Errors);

/// <summary>Reads the API's query parameters into a filter, or says in words what is wrong with them.</summary>
public static class SyncLogQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const int MaxHours = 24 * 366;
    private const int MaxText = 200;

    public static (SyncLogFilter? Filter, string? Error) Parse(
        string? connection, string? level, string? kind, string? product, string? order, string? since, string? before, string? limit)
    {
        foreach (var (name, value) in new[] { ("connection", connection), ("kind", kind), ("product", product), ("order", order) })
            if (value is { Length: > MaxText }) return (null, $"{name} is longer than {MaxText} characters");
        if (level is not null && !SyncLogLevel.All.Contains(level))
            return (null, $"level must be one of {string.Join(", ", SyncLogLevel.All)}");
        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                return (null, "since must be an ISO-8601 time, e.g. 2026-12-07T12:00:00Z");
            from = parsed;
        }
        long? beforeId = null;
        if (before is not null)
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
                return (null, "before must be a row id (a positive whole number)");
            beforeId = id;
        }
        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
            return (null, $"limit must be a whole number from 1 to {MaxLimit}");
        return (new SyncLogFilter(Blank(connection), level, Blank(kind), Blank(product), Blank(order), from, beforeId, take), null);
    }

    public static (int Hours, string? Error) ParseHours(string? hours)
    {
        if (hours is null) return (24, null);
        return int.TryParse(hours, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is >= 1 and <= MaxHours
            ? (h, null)
            : (0, $"hours must be a whole number from 1 to {MaxHours}");
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
