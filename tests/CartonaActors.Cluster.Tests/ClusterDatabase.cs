using Npgsql;

namespace CartonaActors.Cluster.Tests;

/// <summary>A fresh journal database for one test's cluster on the PostgreSQL server ops/test.sh starts
/// (CARTONA_TEST_POSTGRES); dropped afterwards.</summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private ClusterDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("CARTONA_TEST_POSTGRES")
            ?? throw new InvalidOperationException("CARTONA_TEST_POSTGRES is not set: run the tests with ops/test.sh, which starts a private PostgreSQL");
        var name = "cartona_cluster_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return new ClusterDatabase(server, name);
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }
}
