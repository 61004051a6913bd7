using System.Diagnostics;
using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>
/// CPU and memory of the service processes alone (not this process, which hosts the emulators and the driver),
/// read from <c>/proc/&lt;pid&gt;/stat</c> and <c>/proc/&lt;pid&gt;/status</c> every 250 ms. A restarted or added
/// node is watched under its new pid; CPU sums over every pid watched in the span.
/// </summary>
public sealed class ServiceMeter : IAsyncDisposable
{
    // USER_HZ: the unit of utime/stime in /proc/<pid>/stat, 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;
    private readonly object _gate = new();
    private readonly Dictionary<int, Counters> _pids = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _maxRss, _maxHwm, _startedAt = Stopwatch.GetTimestamp();

    public ServiceMeter() => _sampler = SampleAsync(_stop.Token);

    /// <summary>Adds a process started now: its CPU counts from its start.</summary>
    public void Watch(int pid)
    {
        lock (_gate) _pids[pid] = new Counters();
    }

    /// <summary>Starts a new span: maxima and CPU time from now; processes that ended are forgotten.</summary>
    public void Restart()
    {
        lock (_gate)
        {
            foreach (var pid in _pids.Keys.ToList())
            {
                var sample = ProcSample.Read(pid);
                if (sample is null) _pids.Remove(pid);
                else _pids[pid] = new Counters { BaselineTicks = sample.Value.CpuTicks, LastTicks = sample.Value.CpuTicks };
            }
            _maxRss = _maxHwm = 0;
            _startedAt = Stopwatch.GetTimestamp();
            SampleLocked();
        }
    }

    /// <summary>Resident memory of the watched live processes now (summed), in bytes.</summary>
    public long CurrentRss
    {
        get
        {
            lock (_gate) return _pids.Keys.Select(ProcSample.Read).Sum(s => s?.RssBytes ?? 0);
        }
    }

    public ServiceUse Read()
    {
        lock (_gate)
        {
            SampleLocked();
            var cpu = _pids.Values.Sum(c => c.LastTicks - c.BaselineTicks) / TicksPerSecond;
            return new ServiceUse(_maxRss, _maxHwm, TimeSpan.FromSeconds(cpu), Stopwatch.GetElapsedTime(_startedAt));
        }
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await tick.WaitForNextTickAsync(ct))
                lock (_gate) SampleLocked();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void SampleLocked()
    {
        long rss = 0;
        foreach (var (pid, counters) in _pids)
        {
            if (ProcSample.Read(pid) is not { } s) continue; // exited: its last CPU reading stands
            counters.LastTicks = s.CpuTicks;
            rss += s.RssBytes;
            _maxHwm = Math.Max(_maxHwm, s.PeakRssBytes);
        }
        _maxRss = Math.Max(_maxRss, rss);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }

    private sealed class Counters
    {
        public long BaselineTicks { get; init; }
        public long LastTicks { get; set; }
    }

    private readonly record struct ProcSample(long CpuTicks, long RssBytes, long PeakRssBytes)
    {
        public static ProcSample? Read(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] == "Z") return null;
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                long rss = 0, hwm = 0;
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                {
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
                    else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line);
                }
                return new ProcSample(ticks, rss, hwm);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                return null;
            }
        }

        private static long Kilobytes(string line) =>
            long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}

/// <param name="MaxRss">Highest resident set seen by sampling (summed over live nodes).</param>
/// <param name="PeakRss">The kernel's own high-water mark (VmHWM) of any one process in the span.</param>
public sealed record ServiceUse(long MaxRss, long PeakRss, TimeSpan Cpu, TimeSpan Wall)
{
    public double CoresUsed => Wall.TotalSeconds > 0 ? Cpu.TotalSeconds / Wall.TotalSeconds : 0;
}
