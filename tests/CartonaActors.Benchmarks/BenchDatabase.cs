using Microsoft.Data.Sqlite;
using Npgsql;

namespace CartonaActors.Benchmarks;

/// <summary>A fresh, empty journal for one run: a SQLite file in a temporary folder or a new PostgreSQL database
/// on the server named by <c>CARTONA_TEST_POSTGRES</c>. Counts persisted events; removes itself on dispose.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CARTONA_TEST_POSTGRES";

    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;
    private readonly string? _folder;

    private BenchDatabase(BenchDatabaseKind kind, string connectionString, string description,
        string? serverConnectionString = null, string? databaseName = null, string? folder = null)
    {
        Kind = kind;
        ConnectionString = connectionString;
        Description = description;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
        _folder = folder;
    }

    public BenchDatabaseKind Kind { get; }
    public string ConnectionString { get; }
    public string Description { get; }
    /// <summary>The service's <c>Persistence:Provider</c> setting.</summary>
    public string Provider => Kind == BenchDatabaseKind.Sqlite ? "Sqlite" : "PostgreSql";

    /// <summary>Fails early, before any run, when PostgreSQL is wanted and not configured.</summary>
    public static void CheckAvailable(BenchDatabaseKind kind)
    {
        if (kind == BenchDatabaseKind.PostgreSql && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
            throw new InvalidOperationException(
                $"--db postgresql needs {PostgresVariable} (a server connection string, e.g. from `eval \"$(ops/postgres.sh start)\"`, or run ops/bench.sh)");
    }

    public static async Task<BenchDatabase> CreateAsync(BenchDatabaseKind kind)
    {
        CheckAvailable(kind);
        if (kind == BenchDatabaseKind.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("cartona-bench-").FullName;
            var file = Path.Combine(folder, "journal.db");
            return new BenchDatabase(kind, $"Data Source={file}", $"SQLite file {file}", folder: folder);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable)!;
        var name = $"cartona_bench_{DateTime.UtcNow:yyyyMMdd_HHmmss}_{Random.Shared.Next(1000, 9999)}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new BenchDatabase(kind, cs.ConnectionString, $"PostgreSQL database {name} on {cs.Host}:{cs.Port}", server, name);
    }

    /// <summary>Rows in the journal table (one per persisted event) by manifest.</summary>
    /// <summary>Events written after <paramref name="since"/> (all when null): their number from the journal's
    /// global ordering, which also counts the events slices have since deleted behind a snapshot, and the surviving
    /// ones by type.</summary>
    public async Task<EventCounts> CountEventsAsync(EventCounts? since = null)
    {
        var table = Kind == BenchDatabaseKind.Sqlite ? "journal" : "public.journal";
        var from = since?.MaxOrdering ?? 0;
        await using System.Data.Common.DbConnection connection = Kind == BenchDatabaseKind.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT manifest, COUNT(*) FROM {table} WHERE ordering > {from} GROUP BY manifest";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                counts[reader.IsDBNull(0) ? "(none)" : reader.GetString(0)] = reader.GetInt64(1);
        command.CommandText = $"SELECT COALESCE(MAX(ordering), 0) FROM {table}";
        var max = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        return new EventCounts(counts, max, Math.Max(0, max - from));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_folder is not null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(_folder, recursive: true);
            }
            else if (_serverConnectionString is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(_serverConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"bench: could not remove {Description}: {ex.Message}");
        }
    }
}
