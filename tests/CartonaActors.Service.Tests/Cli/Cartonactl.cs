using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CartonaActors.Service.Tests.Cli;

/// <summary>What one cartonactl run printed and how it ended.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;

    public IReadOnlyList<JsonElement> JsonLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(l => JsonDocument.Parse(l).RootElement).ToList();

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- err\n{Error}";
}

/// <summary>Runs the real cartonactl as its own process (the build copied beside the tests) against a service URL.</summary>
public sealed class Cartonactl(Uri service, string? token)
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "cartonactl.dll");
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(args, token);

    public async Task<CliRun> RunAsync(string[] args, string? withToken)
    {
        using var process = Start(args, withToken);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cartonactl {string.Join(' ', args)} did not end within {RunTimeout.TotalSeconds} s");
        }
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A run that keeps going (log tail --follow): lines arrive in <see cref="Following.Lines"/>.</summary>
    public Following Follow(params string[] args) => new(Start(args, token));

    private Process Start(string[] args, string? withToken)
    {
        if (!File.Exists(Dll)) throw new FileNotFoundException($"cartonactl is not built beside the tests: {Dll}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["CARTONACTL_URL"] = service.ToString();
        info.Environment.Remove("CARTONACTL_TOKEN");
        if (withToken is not null) info.Environment["CARTONACTL_TOKEN"] = withToken;
        return Process.Start(info)!;
    }

    public sealed class Following : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _out = new();

        public Following(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (_out) _out.AppendLine(e.Data);
            };
            _process.BeginOutputReadLine();
        }

        public string Lines
        {
            get
            {
                lock (_out) return _out.ToString();
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
