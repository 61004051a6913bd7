using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace CartonaActors.Benchmarks;

/// <summary>
/// What the old Odoo module does, against the same Cartona emulator: every change becomes one queue job that makes
/// one bulk-update call with one item — no coalescing, no pacing. A job refused (429 or any error) is retried the
/// way a naive queue job is: put back on the queue after a fixed delay, at most <see cref="MaxRetries"/> times, then
/// failed (its change is lost). Workers take jobs as fast as they can (the queue channel's capacity).
/// </summary>
public sealed class OldModuleBaseline(BenchWorld world, BenchOptions options)
{
    private const int MaxRetries = 5;
    private int _calls, _tooMany, _errors, _lost;

    /// <param name="jobs">The changes in the order they are due; <c>DueAt</c> in <see cref="Stopwatch"/> ticks.</param>
    /// <param name="cutoff">Stopwatch timestamp when the run stops whatever is left.</param>
    public async Task<BaselineResult> RunAsync(IAsyncEnumerable<BaselineJob> jobs, LatencyTracker tracker, Func<long> cutoff)
    {
        var queue = Channel.CreateUnbounded<(BaselineJob Job, int Attempt)>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.BaselineWorkers })
        {
            BaseAddress = new Uri(world.Emulator.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.TryAddWithoutValidation("AuthorizationToken", world.BaselineToken);
        using var stop = new CancellationTokenSource();
        var started = Stopwatch.GetTimestamp();
        var outstanding = 0;
        var producing = true;

        async Task Produce()
        {
            await foreach (var job in jobs)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), job.DueAt);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                tracker.Expect(job.Product, job.Seq, job.DueAt);
                Interlocked.Increment(ref outstanding);
                queue.Writer.TryWrite((job, 0));
            }
            Volatile.Write(ref producing, false);
        }

        async Task Work(CancellationToken ct)
        {
            await foreach (var (job, attempt) in queue.Reader.ReadAllAsync(ct))
            {
                if (await CallAsync(http, job, ct))
                {
                    Interlocked.Decrement(ref outstanding);
                    continue;
                }
                if (attempt >= MaxRetries)
                {
                    Interlocked.Increment(ref _lost);
                    Interlocked.Decrement(ref outstanding);
                    tracker.Abandon(job.Product, job.Seq);
                    continue;
                }
                _ = RequeueAfterAsync(queue.Writer, (job, attempt + 1), ct);
            }
        }

        // Past the cutoff the producer may still be enqueueing; its changes count as never delivered.
        _ = Produce();
        var workers = Enumerable.Range(0, options.BaselineWorkers).Select(_ => Work(stop.Token)).ToArray();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var lastPrint = started;
        while ((Volatile.Read(ref producing) || Volatile.Read(ref outstanding) > 0) && Stopwatch.GetTimestamp() < cutoff())
        {
            await tick.WaitForNextTickAsync();
            if (Stopwatch.GetElapsedTime(lastPrint) < TimeSpan.FromSeconds(5)) continue;
            lastPrint = Stopwatch.GetTimestamp();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{DateTime.Now:HH:mm:ss}] baseline: {Stopwatch.GetElapsedTime(started).TotalSeconds,5:0} s  calls {_calls} (429: {_tooMany}), " +
                $"jobs waiting {Volatile.Read(ref outstanding)}, lost {_lost}"));
        }
        var endedAt = Stopwatch.GetTimestamp();
        var cutOff = Volatile.Read(ref outstanding) > 0 || Volatile.Read(ref producing);
        await stop.CancelAsync();
        queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException)
        {
        }
        var latencies = tracker.TakeLatencies();
        var waiting = tracker.OutstandingAges(endedAt);
        return new BaselineResult(_calls, _tooMany, _errors, _lost, latencies.All.Length, waiting.Length, cutOff,
            Stopwatch.GetElapsedTime(started, endedAt), Percentiles.Of(latencies.All.Concat(waiting).ToArray()),
            Percentiles.Of(latencies.Hot), Percentiles.Of(latencies.Cold));
    }

    private async Task<bool> CallAsync(HttpClient http, BaselineJob job, CancellationToken ct)
    {
        var body = new StringBuilder(128)
            .Append("[{\"internal_product_id\":\"").Append(job.Product.ToString(CultureInfo.InvariantCulture))
            .Append("\",\"selling_price\":").Append(PriceCode.Json(job.Seq))
            .Append(",\"available_stock_quantity\":").Append(job.Stock.ToString(CultureInfo.InvariantCulture)).Append("}]");
        Interlocked.Increment(ref _calls);
        try
        {
            using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("supplier-product/bulk-update", content, ct);
            if (response.IsSuccessStatusCode) return true;
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Interlocked.Increment(ref _tooMany);
            else Interlocked.Increment(ref _errors);
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Interlocked.Increment(ref _errors);
            return false;
        }
    }

    private async Task RequeueAfterAsync(ChannelWriter<(BaselineJob, int)> writer, (BaselineJob, int) job, CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(options.BaselineRetrySeconds), ct);
            writer.TryWrite(job);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <param name="Stock">The product's whole stock after the change: the old module sends price and stock each time.</param>
public sealed record BaselineJob(int Product, long Seq, int Stock, long DueAt);

/// <param name="Delivered">Changes whose one-item call was applied.</param>
/// <param name="Undelivered">Changes still queued or never enqueued when the run was cut off.</param>
/// <param name="Latency">Delivered changes' latencies plus, as lower bounds, the ages of those still waiting.</param>
public sealed record BaselineResult(
    int Calls, int TooManyRequests, int OtherErrors, int Lost, int Delivered, int Undelivered, bool CutOff, TimeSpan Duration,
    Percentiles Latency, Percentiles HotLatency, Percentiles ColdLatency)
{
    public double ItemsPerSecond => Duration.TotalSeconds > 0 ? Delivered / Duration.TotalSeconds : 0;
}
