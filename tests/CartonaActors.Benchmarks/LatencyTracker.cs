using System.Diagnostics;

namespace CartonaActors.Benchmarks;

/// <summary>
/// Change-to-marketplace latency. Each change sent is expected with its sequence number and send time; when the
/// marketplace applies an item for the product carrying sequence s, every outstanding change of that product with
/// sequence ≤ s is resolved (a coalesced change is resolved by the later value that superseded it).
/// Times are <see cref="Stopwatch.GetTimestamp"/> ticks.
/// </summary>
public sealed class LatencyTracker(int products, int hot)
{
    private readonly object _gate = new();
    private readonly Queue<(long Seq, long SentAt)>[] _pending =
        Enumerable.Range(0, products + 1).Select(_ => new Queue<(long, long)>()).ToArray();
    private readonly long[] _appliedSeq = new long[products + 1];
    private List<double> _coldMs = [];
    private List<double> _hotMs = [];
    private int _outstanding;

    public int Outstanding { get { lock (_gate) return _outstanding; } }

    public void Expect(int product, long seq, long sentAt)
    {
        lock (_gate)
        {
            if (seq <= _appliedSeq[product]) { Record(product, 0); return; }
            _pending[product].Enqueue((seq, sentAt));
            _outstanding++;
        }
    }

    /// <summary>The change was refused or its request failed: stop waiting for it.</summary>
    public void Abandon(int product, long seq)
    {
        lock (_gate)
        {
            var queue = _pending[product];
            var before = queue.Count;
            var kept = queue.Where(e => e.Seq != seq).ToList();
            if (kept.Count == before) return;
            queue.Clear();
            foreach (var e in kept) queue.Enqueue(e);
            _outstanding--;
        }
    }

    /// <summary>Called from the marketplace's request threads for each applied item.</summary>
    public void Applied(int product, long seq, long at)
    {
        if (product <= 0 || product >= _pending.Length || seq < 0) return;
        lock (_gate)
        {
            if (seq > _appliedSeq[product]) _appliedSeq[product] = seq;
            var queue = _pending[product];
            while (queue.TryPeek(out var e) && e.Seq <= seq)
            {
                queue.Dequeue();
                _outstanding--;
                Record(product, Stopwatch.GetElapsedTime(e.SentAt, at).TotalMilliseconds);
            }
        }
    }

    /// <summary>How long each change still outstanding has waited by <paramref name="now"/>, in milliseconds: a lower
    /// bound of its latency, for a run cut off before everything arrived.</summary>
    public double[] OutstandingAges(long now)
    {
        lock (_gate) return _pending.SelectMany(q => q).Select(e => Stopwatch.GetElapsedTime(e.SentAt, now).TotalMilliseconds).ToArray();
    }

    /// <summary>Latencies recorded since the last call, in milliseconds: all, and split by hot (1..hot) and cold products.</summary>
    public (double[] All, double[] Hot, double[] Cold) TakeLatencies()
    {
        lock (_gate)
        {
            var cold = _coldMs.ToArray();
            var hotMs = _hotMs.ToArray();
            _coldMs = [];
            _hotMs = [];
            return (cold.Concat(hotMs).ToArray(), hotMs, cold);
        }
    }

    private void Record(int product, double ms) => (product <= hot ? _hotMs : _coldMs).Add(ms);

    /// <summary>Waits, polling, until no change is outstanding; false on timeout.</summary>
    public async Task<bool> WaitAllAppliedAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (Outstanding > 0)
        {
            if (Stopwatch.GetTimestamp() > deadline) return false;
            await tick.WaitForNextTickAsync();
        }
        return true;
    }
}
