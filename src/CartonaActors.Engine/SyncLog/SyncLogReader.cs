using System.Data.Common;
using CartonaActors.Domain.SyncLog;

namespace CartonaActors.Engine.SyncLog;

/// <summary>The API's, dashboard's and CLI's reads of the sync log: newest first by id, each filter on an index.</summary>
public sealed class SyncLogReader(SyncLogDatabase database)
{
    private volatile bool _schemaReady;

    public async Task<IReadOnlyList<SyncLogEntry>> QueryAsync(SyncLogFilter filter, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        void Add(string condition, string name, object? value)
        {
            if (value is null) return;
            where.Add(condition);
            command.With(name, value);
        }
        Add("connection = @connection", "@connection", filter.Connection);
        Add("level = @level", "@level", filter.Level);
        Add("kind = @kind", "@kind", filter.Kind);
        Add("product_id = @product", "@product", filter.ProductId);
        Add("order_id = @order", "@order", filter.OrderId);
        Add("at >= @since", "@since", filter.Since?.ToUnixTimeMilliseconds());
        Add("id < @before", "@before", filter.Before);
        command.CommandText = "SELECT id, at, level, kind, connection, product_id, order_id, outcome, message FROM sync_log"
            + (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where))
            + " ORDER BY id DESC LIMIT @limit";
        command.With("@limit", filter.Limit);
        var entries = new List<SyncLogEntry>(Math.Min(filter.Limit, 1000));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            entries.Add(new SyncLogEntry(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2),
                reader.GetString(3), Text(reader, 4), Text(reader, 5), Text(reader, 6), reader.GetString(7), reader.GetString(8)));
        return entries;
    }

    /// <summary>Counts by level and kind over the last <paramref name="hours"/>, and the last hour minute by minute
    /// (60 entries, oldest first, zero where nothing happened), from the per-minute counts.</summary>
    public async Task<SyncLogSummary> SummaryAsync(int hours, DateTimeOffset now, CancellationToken ct = default)
    {
        var since = now - TimeSpan.FromHours(hours);
        var byLevel = SyncLogLevel.All.ToDictionary(l => l, _ => 0L);
        var byKind = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var thisMinute = SyncLogStore.MinuteOf(now);
        var firstMinute = thisMinute - 59 * 60_000L;
        var minutes = new Dictionary<long, (long Pushes, long Errors)>();
        await using var connection = await OpenAsync(ct);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT minute, level, kind, row_count, pushed FROM sync_log_minute WHERE minute >= @since";
            command.With("@since", Math.Min(SyncLogStore.MinuteOf(since), firstMinute));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (minute, level, kind, count, pushed) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4));
                if (minute >= SyncLogStore.MinuteOf(since))
                {
                    byLevel[level] = byLevel.GetValueOrDefault(level) + count;
                    byKind[kind] = byKind.GetValueOrDefault(kind) + count;
                }
                if (minute < firstMinute) continue;
                var m = minutes.GetValueOrDefault(minute);
                minutes[minute] = (m.Pushes + pushed, m.Errors + (level == SyncLogLevel.Error ? count : 0));
            }
        }
        var lastHour = Enumerable.Range(0, 60).Select(i => firstMinute + i * 60_000L)
            .Select(m => new SyncLogMinute(DateTimeOffset.FromUnixTimeMilliseconds(m), minutes.GetValueOrDefault(m).Pushes, minutes.GetValueOrDefault(m).Errors))
            .ToList();
        return new SyncLogSummary(since, byLevel, byKind, lastHour);
    }

    /// <summary>A node may answer before the projection (on whichever node) created the tables: empty, not an error.</summary>
    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (!_schemaReady)
        {
            await database.EnsureSchemaAsync(ct);
            _schemaReady = true;
        }
        return await database.OpenAsync(ct);
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
