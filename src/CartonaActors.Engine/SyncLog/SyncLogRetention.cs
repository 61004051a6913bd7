using System.Data.Common;

namespace CartonaActors.Engine.SyncLog;

/// <summary>
/// Keeps the sync log within its retention and its row cap, deleting the oldest rows in batches of
/// <paramref name="batch"/>: each delete is its own short transaction, so the journal (which shares the database, and
/// on SQLite its single writer) never waits behind one long delete.
/// </summary>
public sealed class SyncLogRetention(SyncLogDatabase database, TimeSpan retention, long maxRows, int batch)
{
    public async Task<long> PruneAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var cutoff = (now - retention).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(ct);
        var deleted = await DeleteInBatchesAsync(connection, "at < @v", cutoff, ct);
        if (await NewestBeyondCapAsync(connection, ct) is { } lastToGo)
            deleted += await DeleteInBatchesAsync(connection, "id <= @v", lastToGo, ct);
        await using var minutes = connection.CreateCommand();
        minutes.CommandText = "DELETE FROM sync_log_minute WHERE minute < @v";
        await minutes.With("@v", SyncLogStore.MinuteOf(now - retention)).ExecuteNonQueryAsync(ct);
        return deleted;
    }

    /// <summary>The id of the newest row past the cap (ids grow with time), or null when the log is within it.</summary>
    private async Task<long?> NewestBeyondCapAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM sync_log ORDER BY id DESC LIMIT 1 OFFSET @cap";
        return await command.With("@cap", maxRows).ExecuteScalarAsync(ct) is { } id and not DBNull ? Convert.ToInt64(id) : null;
    }

    private async Task<long> DeleteInBatchesAsync(DbConnection connection, string condition, long value, CancellationToken ct)
    {
        long total = 0;
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM sync_log WHERE id IN (SELECT id FROM sync_log WHERE {condition} ORDER BY id LIMIT @batch)";
            var n = await command.With("@v", value).With("@batch", batch).ExecuteNonQueryAsync(ct);
            total += n;
            if (n < batch) return total;
        }
    }
}
