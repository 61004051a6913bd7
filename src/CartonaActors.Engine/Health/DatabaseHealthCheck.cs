using System.Data.Common;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using CartonaActors.Engine.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CartonaActors.Engine.Health;

/// <summary>
/// Readiness check that really opens a connection and runs SELECT 1. The journal plugin's own health status
/// stays Healthy while the database is down and idle, and the packaged connectivity check is broken with the
/// linq2db served here (spike.md §4).
/// </summary>
public static class DatabaseHealthCheck
{
    public const string Name = "database";

    public static AkkaConfigurationBuilder WithSyncHealthChecks(this AkkaConfigurationBuilder builder, PersistenceOptions options)
    {
        var connectionString = CheckConnectionString(options);
        return builder
            .WithActorSystemLivenessCheck()
            .WithAkkaClusterReadinessCheck()
            .WithHealthCheck(Name, async (_, _, ct) => await CheckAsync(options.Provider, connectionString, ct),
                HealthStatus.Unhealthy, ["ready", "database"], TimeSpan.FromSeconds(5));
    }

    public static async Task<HealthCheckResult> CheckAsync(PersistenceProvider provider, string connectionString, CancellationToken ct)
    {
        try
        {
            await using DbConnection connection = provider == PersistenceProvider.Sqlite
                ? new SqliteConnection(connectionString)
                : new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy($"{provider} answers");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // The exception text names host and database, never the password (Npgsql omits it).
            return HealthCheckResult.Unhealthy($"{provider} unreachable: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>A connection string for probing only: no pool (a pooled connection survives a server restart
    /// broken and would report one false failure), a short timeout, and for SQLite no file creation.</summary>
    private static string CheckConnectionString(PersistenceOptions options) => options.Provider == PersistenceProvider.Sqlite
        ? new SqliteConnectionStringBuilder(options.EffectiveConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()
        : new NpgsqlConnectionStringBuilder(options.EffectiveConnectionString) { Pooling = false, Timeout = 3 }.ToString();
}
