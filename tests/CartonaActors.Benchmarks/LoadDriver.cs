using System.Diagnostics;

namespace CartonaActors.Benchmarks;

/// <summary>The ERP side: links every product once, then sends changes at a fixed rate (open loop).</summary>
public sealed class LoadDriver(BenchOptions options, IngressClient ingress, ChangeLog log, LatencyTracker tracker)
{
    public const int LinkConcurrency = 64;
    private const int MaxInFlight = 512;
    public const int InitialStock = 40;
    private readonly ChangePicker _picker = new(options);

    /// <summary>Phase 1: PUT each product once with its listing, price and stock, 64 at a time.</summary>
    public async Task LinkAllAsync()
    {
        var seqs = Enumerable.Range(1, options.Products).Select(p => log.Next(p, InitialStock)).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(1, options.Products),
            new ParallelOptions { MaxDegreeOfParallelism = LinkConcurrency },
            async (p, _) => await SendAsync(p, seqs[p - 1], InitialStock, link: true, Stopwatch.GetTimestamp()));
    }

    /// <summary>
    /// Phase 2: change i is due at start + i/rate. A due change is sent right away unless <see cref="MaxInFlight"/>
    /// requests are outstanding, in which case it is dropped and counted as lagged. Changes of one product are sent
    /// one after the other (an ERP does not race its own updates), so a change may wait for its product's previous
    /// request; its latency still counts from when it was due.
    /// </summary>
    public async Task<SteadyResult> RunSteadyAsync()
    {
        var total = (long)options.Rate * options.Seconds;
        var tails = new Dictionary<int, Task>();
        var inFlight = 0;
        long sent = 0, lagged = 0;
        var start = Stopwatch.GetTimestamp();
        var ticksPerChange = (double)Stopwatch.Frequency / options.Rate;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(2));

        for (long i = 0; i < total;)
        {
            var due = Math.Min(total, (long)((Stopwatch.GetTimestamp() - start) / ticksPerChange) + 1);
            for (; i < due; i++)
            {
                if (Volatile.Read(ref inFlight) >= MaxInFlight)
                {
                    lagged++;
                    continue;
                }
                var (product, stock) = _picker.Next();
                var seq = log.Next(product, stock);
                var dueAt = start + (long)(i * ticksPerChange);
                tracker.Expect(product, seq, dueAt);
                Interlocked.Increment(ref inFlight);
                sent++;
                var previous = tails.GetValueOrDefault(product, Task.CompletedTask);
                tails[product] = SendAfterAsync(previous, product, seq, stock, dueAt, () => Interlocked.Decrement(ref inFlight));
            }
            if (i < total) await tick.WaitForNextTickAsync();
        }
        var sendEndedAt = Stopwatch.GetTimestamp();
        await Task.WhenAll(tails.Values);
        return new SteadyResult(sent, lagged, Stopwatch.GetElapsedTime(start, sendEndedAt), sendEndedAt);
    }

    private async Task SendAfterAsync(Task previous, int product, long seq, int? stock, long dueAt, Action done)
    {
        try
        {
            await previous;
            await SendAsync(product, seq, stock, link: false, dueAt);
        }
        finally
        {
            done();
        }
    }

    private async Task SendAsync(int product, long seq, int? stock, bool link, long sentAt)
    {
        if (link) tracker.Expect(product, seq, sentAt);
        if (await ingress.PutAsync(product, seq, stock, link)) log.Accepted(seq);
        else
        {
            log.Failed(seq);
            tracker.Abandon(product, seq);
        }
    }
}

/// <param name="SendEndedAt">Stopwatch timestamp when the last change was sent.</param>
public sealed record SteadyResult(long Sent, long Lagged, TimeSpan SendWindow, long SendEndedAt);
