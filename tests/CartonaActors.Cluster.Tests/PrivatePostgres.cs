using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CartonaActors.Cluster.Tests;

/// <summary>
/// A PostgreSQL server of one test's own (ops/postgres.sh, on 127.0.0.1 in a private folder), so the test can
/// crash it and start it again without touching the server the other tests share.
/// </summary>
public sealed partial class PrivatePostgres : IAsyncDisposable
{
    private readonly string _dir;

    private PrivatePostgres(string connectionString, string dir)
    {
        ConnectionString = connectionString;
        _dir = dir;
    }

    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> StartAsync()
    {
        var exports = await ScriptAsync("start");
        string Export(string name) => Exported().Matches(exports).Single(m => m.Groups[1].Value == name).Groups[2].Value;
        return new PrivatePostgres(Export("CARTONA_TEST_POSTGRES"), Export("CARTONA_PG_DIR"));
    }

    /// <summary>Stops the server as a crash would (immediate shutdown: connections dropped, no checkpoint).</summary>
    public Task HaltAsync() => ScriptAsync("halt", _dir);

    /// <summary>Starts it again on the same port and data.</summary>
    public Task ResumeAsync() => ScriptAsync("resume", _dir);

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await ScriptAsync("stop", _dir);
    }

    private static async Task<string> ScriptAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "ops", "postgres.sh"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ops/postgres.sh {string.Join(' ', args)} failed: {await errors}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ops", "postgres.sh"))) return dir.FullName;
        throw new InvalidOperationException("ops/postgres.sh not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("export (\\w+)='([^']*)'")]
    private static partial Regex Exported();
}
