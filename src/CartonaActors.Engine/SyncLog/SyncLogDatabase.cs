using System.Data.Common;
using CartonaActors.Engine.Configuration;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CartonaActors.Engine.SyncLog;

/// <summary>
/// The sync log's tables, in the journal's database (SQLite or PostgreSQL). Times are stored as Unix milliseconds
/// so one set of statements serves both. <c>sync_log_minute</c> counts rows and pushed items per minute, level and
/// kind, written in the same transaction as the rows: the dashboard's summary reads at most a day of minutes
/// however many rows the log holds.
/// </summary>
public sealed class SyncLogDatabase(PersistenceProvider provider, string connectionString)
{
    public PersistenceProvider Provider { get; } = provider;

    public static SyncLogDatabase For(PersistenceOptions options) => new(options.Provider, options.EffectiveConnectionString);

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = Provider == PersistenceProvider.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>
    /// Creates what is missing; safe to run on every start, on every node, at the same moment. PostgreSQL's
    /// <c>IF NOT EXISTS</c> is not safe against a concurrent creator (both miss the table, one fails on the catalog's
    /// unique index), so creators take a transaction-scoped advisory lock and run one after the other; SQLite's
    /// write lock already serializes them.
    /// </summary>
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (Provider == PersistenceProvider.PostgreSql)
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})", ct);
        foreach (var statement in Schema())
            await ExecuteAsync(connection, transaction, statement, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Any fixed number unique to this schema among the database's advisory locks ("SYNCLOG" in ASCII).</summary>
    private const long SchemaLockKey = 0x53594E434C4F47;

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private IEnumerable<string> Schema()
    {
        // AUTOINCREMENT / identity: an id is never reused once pruned, so ?before=<id> pages stay stable.
        var id = Provider == PersistenceProvider.Sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
        yield return $"""
            CREATE TABLE IF NOT EXISTS sync_log (
                id {id},
                at BIGINT NOT NULL,
                level VARCHAR(16) NOT NULL,
                kind VARCHAR(64) NOT NULL,
                connection VARCHAR(200) NULL,
                product_id VARCHAR(200) NULL,
                order_id VARCHAR(300) NULL,
                outcome VARCHAR(64) NOT NULL,
                message TEXT NOT NULL)
            """;
        // Newest first is a backwards walk of id; each filter has an index that ends in id, so it walks that instead.
        yield return "CREATE INDEX IF NOT EXISTS sync_log_at ON sync_log (at)";
        yield return "CREATE INDEX IF NOT EXISTS sync_log_connection_level ON sync_log (connection, level, id)";
        yield return "CREATE INDEX IF NOT EXISTS sync_log_connection ON sync_log (connection, id)";
        yield return "CREATE INDEX IF NOT EXISTS sync_log_level ON sync_log (level, id)";
        yield return "CREATE INDEX IF NOT EXISTS sync_log_kind ON sync_log (kind, id)";
        yield return "CREATE INDEX IF NOT EXISTS sync_log_product ON sync_log (product_id, id)";
        yield return "CREATE INDEX IF NOT EXISTS sync_log_order ON sync_log (order_id, id)";
        yield return "CREATE TABLE IF NOT EXISTS sync_log_offset (projection VARCHAR(64) PRIMARY KEY, ordering BIGINT NOT NULL)";
        yield return """
            CREATE TABLE IF NOT EXISTS sync_log_minute (
                minute BIGINT NOT NULL,
                level VARCHAR(16) NOT NULL,
                kind VARCHAR(64) NOT NULL,
                row_count BIGINT NOT NULL,
                pushed BIGINT NOT NULL,
                PRIMARY KEY (minute, level, kind))
            """;
    }
}

/// <summary>Parameters by name on any provider.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return command;
    }
}
