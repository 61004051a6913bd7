using System.Data.Common;
using System.Text;
using CartonaActors.Domain.SyncLog;

namespace CartonaActors.Engine.SyncLog;

/// <summary>The projection's writes: rows, per-minute counts and the new journal offset in one transaction, so a
/// restart resumes exactly after the last event whose rows are stored (never twice, never skipped).</summary>
public sealed class SyncLogStore(SyncLogDatabase database)
{
    public const string Projection = "sync-log";
    /// <summary>The row saying the one-time read of the whole journal has handed over to the tag (at its position).</summary>
    public const string Backfill = "sync-log-backfill";
    private const int RowsPerStatement = 200;

    public async Task<long> ReadOffsetAsync(CancellationToken ct = default) => await ReadAsync(Projection, ct) ?? 0;

    /// <summary>Whether the backfill has handed over to the tag query (see <see cref="SyncLogProjection"/>).</summary>
    public async Task<bool> BackfilledAsync(CancellationToken ct = default) => await ReadAsync(Backfill, ct) is not null;

    private async Task<long?> ReadAsync(string projection, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ordering FROM sync_log_offset WHERE projection = @p";
        command.With("@p", projection);
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value) : null;
    }

    /// <param name="backfilled">The batch ends the backfill: marked in the same transaction as its last rows, so a
    /// crash before it resumes the backfill and one after it follows the tag.</param>
    public async Task AppendAsync(IReadOnlyList<SyncLogRow> rows, long offset, CancellationToken ct = default, bool backfilled = false)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        for (var i = 0; i < rows.Count; i += RowsPerStatement)
            await InsertRowsAsync(connection, tx, rows.Skip(i).Take(RowsPerStatement).ToList(), ct);
        foreach (var minute in rows.GroupBy(r => (Minute: MinuteOf(r.At), r.Level, r.Kind)))
        {
            await using var count = connection.CreateCommand();
            count.Transaction = tx;
            count.CommandText = """
                INSERT INTO sync_log_minute (minute, level, kind, row_count, pushed) VALUES (@m, @l, @k, @n, @p)
                ON CONFLICT (minute, level, kind) DO UPDATE SET row_count = sync_log_minute.row_count + excluded.row_count,
                    pushed = sync_log_minute.pushed + excluded.pushed
                """;
            await count.With("@m", minute.Key.Minute).With("@l", minute.Key.Level).With("@k", minute.Key.Kind)
                .With("@n", (long)minute.Count()).With("@p", minute.Sum(r => (long)r.Pushed)).ExecuteNonQueryAsync(ct);
        }
        await WriteOffsetAsync(connection, tx, Projection, offset, ct);
        if (backfilled) await WriteOffsetAsync(connection, tx, Backfill, offset, ct);
        await tx.CommitAsync(ct);
    }

    private static async Task WriteOffsetAsync(DbConnection connection, DbTransaction tx, string projection, long offset, CancellationToken ct)
    {
        await using var position = connection.CreateCommand();
        position.Transaction = tx;
        position.CommandText = """
            INSERT INTO sync_log_offset (projection, ordering) VALUES (@p, @o)
            ON CONFLICT (projection) DO UPDATE SET ordering = excluded.ordering
            """;
        await position.With("@p", projection).With("@o", offset).ExecuteNonQueryAsync(ct);
    }

    private static async Task InsertRowsAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<SyncLogRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        var sql = new StringBuilder("INSERT INTO sync_log (at, level, kind, connection, product_id, order_id, outcome, message) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            sql.Append(i == 0 ? "" : ",").Append($"(@a{i},@l{i},@k{i},@c{i},@p{i},@o{i},@u{i},@m{i})");
            insert.With($"@a{i}", r.At.ToUnixTimeMilliseconds()).With($"@l{i}", r.Level).With($"@k{i}", r.Kind).With($"@c{i}", r.Connection)
                .With($"@p{i}", r.ProductId).With($"@o{i}", r.OrderId).With($"@u{i}", r.Outcome).With($"@m{i}", r.Message);
        }
        insert.CommandText = sql.ToString();
        await insert.ExecuteNonQueryAsync(ct);
    }

    public static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 60_000 * 60_000;
}
