using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CartonaActors.Testing;

/// <summary>
/// One CartonaActors.Service as a real OS process: configured only through environment variables (as in
/// production), its stdout and stderr captured to a file for failure messages, ready when /healthz/ready answers
/// 200, stopped with SIGTERM (a graceful leave) or SIGKILL (a crash).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly object _logGate = new();
    private bool _logClosed;

    private ServiceProcess(string name, Process process, StreamWriter log, string logFile, Uri root)
    {
        Name = name;
        _process = process;
        _log = log;
        LogFile = logFile;
        Root = root;
        Http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Name { get; }
    public Uri Root { get; }
    public HttpClient Http { get; }
    public string LogFile { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The service dll built beside this test assembly's configuration (see the csproj).</summary>
    public static string ServiceDll { get; } = typeof(ServiceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ServiceDll").Value!;

    /// <param name="environment">The service's configuration, e.g. <c>CartonaActors__Persistence__Provider</c>.</param>
    /// <param name="root">Where it listens (also passed as <c>urls</c>).</param>
    public static ServiceProcess Start(string name, IReadOnlyDictionary<string, string> environment, Uri root, string logFile)
    {
        if (!File.Exists(ServiceDll)) throw new FileNotFoundException($"service not built at {ServiceDll}");
        var workDir = Directory.CreateTempSubdirectory($"cartona-{name}-").FullName;
        var info = new ProcessStartInfo("dotnet", [ServiceDll])
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Workstation GC: three server-GC processes on two cores mostly compete for them.
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["urls"] = root.ToString().TrimEnd('/');
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, process, log, logFile, root);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        service.Append($"---- {name}: starting {ServiceDll} at {DateTime.UtcNow:HH:mm:ss.fff}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_logGate)
            if (!_logClosed) _log.WriteLine(line);
    }

    /// <summary>Polls /healthz/ready until 200; fails early, with the log's tail, if the process exits.</summary>
    public async Task WaitReadyAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before ready:\n{LogTail()}");
            try
            {
                using var response = await Http.GetAsync("/healthz/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} not ready within {within}:\n{LogTail()}");
            await Task.Delay(200);
        }
    }

    /// <summary>A crash: SIGKILL, nothing is flushed or handed over.</summary>
    public async Task KillAsync()
    {
        Append($"---- {Name}: SIGKILL at {DateTime.UtcNow:HH:mm:ss.fff}");
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>A graceful stop: SIGTERM (the node leaves the cluster and hands its shards over), SIGKILL after
    /// <paramref name="within"/>. Returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan within)
    {
        if (_process.HasExited) return _process.ExitCode;
        Append($"---- {Name}: SIGTERM at {DateTime.UtcNow:HH:mm:ss.fff}");
        if (Signals.Terminate(_process.Id) != 0) throw new InvalidOperationException($"SIGTERM to {Name} (pid {_process.Id}) failed");
        return await WaitForExitAsync(within, "did not stop within {0} of SIGTERM");
    }

    /// <summary>Waits for the process to end by itself (e.g. refused configuration); kills it after the deadline.</summary>
    public Task<int> WaitForExitAsync(TimeSpan within) => WaitForExitAsync(within, "still running after {0}");

    private async Task<int> WaitForExitAsync(TimeSpan within, string overdue)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"{Name} {string.Format(System.Globalization.CultureInfo.InvariantCulture, overdue, within)}:\n{LogTail()}");
        }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public string LogText()
    {
        lock (_logGate)
            if (!_logClosed) _log.Flush();
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    public string LogTail(int lines = 40) => string.Join('\n', LogText().Split('\n').TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
        lock (_logGate)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    private static class Signals
    {
        private const int SigTerm = 15;

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);

        public static int Terminate(int pid) => kill(pid, SigTerm);
    }
}
