using CartonaActors.Engine.Configuration;
using Npgsql;

namespace CartonaActors.Engine.Tests;

/// <summary>Fresh, isolated journals: a SQLite file in a temp folder, or a new database on the PostgreSQL
/// server that ops/test.sh starts (its connection string comes in CARTONA_TEST_POSTGRES).</summary>
public static class Databases
{
    public static PersistenceOptions NewSqlite()
    {
        var dir = Directory.CreateTempSubdirectory("cartona-journal-");
        return new PersistenceOptions
        {
            Provider = PersistenceProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(dir.FullName, "journal.db")}",
        };
    }

    public static async Task<PersistenceOptions> NewPostgreSqlAsync()
    {
        var server = Environment.GetEnvironmentVariable("CARTONA_TEST_POSTGRES")
            ?? throw new InvalidOperationException(
                "CARTONA_TEST_POSTGRES is not set: run the tests with ops/test.sh, which starts a private PostgreSQL");
        var name = "cartona_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new PersistenceOptions
        {
            Provider = PersistenceProvider.PostgreSql,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(),
        };
    }
}
