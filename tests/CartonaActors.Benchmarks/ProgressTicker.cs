using System.Diagnostics;
using System.Globalization;

namespace CartonaActors.Benchmarks;

/// <summary>A line every few seconds on a long phase: items Cartona applied, the rate since the last line and
/// overall, the service's resident memory, and whatever the phase adds (e.g. sync-all remaining).</summary>
public sealed class ProgressTicker : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ProgressTicker(TextWriter w, string label, BenchWorld world, Func<Task<string>>? extra = null)
        : this(w, label, () => world.Applied, world.Meter, extra)
    {
    }

    /// <param name="pushed">Items on the marketplace so far.</param>
    public ProgressTicker(TextWriter w, string label, Func<long> pushed, ServiceMeter meter, Func<Task<string>>? extra = null) =>
        _loop = RunAsync(w, label, pushed, meter, extra, _stop.Token);

    private static async Task RunAsync(TextWriter w, string label, Func<long> pushed, ServiceMeter meter, Func<Task<string>>? extra,
        CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var first = pushed();
        var last = first;
        var lastAt = started;
        using var tick = new PeriodicTimer(Every);
        try
        {
            while (await tick.WaitForNextTickAsync(ct))
            {
                var now = Stopwatch.GetTimestamp();
                var applied = pushed();
                var more = "";
                try
                {
                    if (extra is not null) more = ", " + await extra();
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    more = $", ({ex.GetType().Name})";
                }
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{DateTime.Now:HH:mm:ss}] {label}: {Stopwatch.GetElapsedTime(started).TotalSeconds,5:0} s  pushed {applied - first} " +
                    $"({(applied - last) / Stopwatch.GetElapsedTime(lastAt, now).TotalSeconds:0}/s now, " +
                    $"{(applied - first) / Stopwatch.GetElapsedTime(started, now).TotalSeconds:0}/s overall), service RSS {meter.CurrentRss / (1024 * 1024)} MB{more}"));
                last = applied;
                lastAt = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
