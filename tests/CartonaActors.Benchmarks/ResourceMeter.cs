using System.Diagnostics;

namespace CartonaActors.Benchmarks;

/// <summary>Samples this process (service + emulator + driver) every 250 ms: working set and managed heap maxima,
/// and CPU time over the measured span.</summary>
public sealed class ResourceMeter : IAsyncDisposable
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly object _gate = new();
    private long _maxWorkingSet, _maxHeap;
    private TimeSpan _cpuAtStart;
    private long _startedAt;

    public ResourceMeter()
    {
        Restart();
        _sampler = SampleAsync(_stop.Token);
    }

    /// <summary>Starts a new span (maxima and CPU time from now).</summary>
    public void Restart()
    {
        lock (_gate)
        {
            _process.Refresh();
            _maxWorkingSet = _process.WorkingSet64;
            _maxHeap = GC.GetTotalMemory(false);
            _cpuAtStart = _process.TotalProcessorTime;
            _startedAt = Stopwatch.GetTimestamp();
        }
    }

    public ResourceUse Read()
    {
        lock (_gate)
        {
            Sample();
            var wall = Stopwatch.GetElapsedTime(_startedAt);
            var cpu = _process.TotalProcessorTime - _cpuAtStart;
            return new ResourceUse(_maxWorkingSet, _process.PeakWorkingSet64, _maxHeap, cpu, wall);
        }
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await tick.WaitForNextTickAsync(ct))
                lock (_gate) Sample();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        _process.Refresh();
        _maxWorkingSet = Math.Max(_maxWorkingSet, _process.WorkingSet64);
        _maxHeap = Math.Max(_maxHeap, GC.GetTotalMemory(false));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
        _process.Dispose();
    }
}

public sealed record ResourceUse(long MaxWorkingSet, long ProcessPeakWorkingSet, long MaxManagedHeap, TimeSpan Cpu, TimeSpan Wall)
{
    public double CoresUsed => Wall.TotalSeconds > 0 ? Cpu.TotalSeconds / Wall.TotalSeconds : 0;
}
