using System.Diagnostics;

namespace CartonaActors.Benchmarks;

public enum OdooChangeKind { Price, Stock, Reservation }

/// <summary>
/// Odoo change → Cartona latency. Every change has a sequence number. A price change puts its sequence in the list
/// price (<see cref="PriceCode"/>); a stock change or a reservation leaves the variant's Cartona stock (free quantity
/// of WH1 + WH2) at a value that variant never had before, so the stock an applied item shows also names the change
/// that produced it. A price change is resolved by an applied item whose price carries its sequence or a later one,
/// a stock change by one whose stock was produced by it or a later stock change of the variant (coalesced changes
/// are resolved by the value that superseded them). Times are <see cref="Stopwatch.GetTimestamp"/> ticks.
/// </summary>
public sealed class OdooLatencyTracker
{
    private readonly object _gate = new();
    private readonly Dictionary<int, Pending> _byVariant = [];
    private Dictionary<OdooChangeKind, List<double>> _ms = NewSamples();
    private int _outstanding;
    private long _lastAppliedAt;

    public int Outstanding { get { lock (_gate) return _outstanding; } }

    /// <summary>Timestamp of the last item the marketplace applied (any variant), 0 before the first.</summary>
    public long LastAppliedAt => Interlocked.Read(ref _lastAppliedAt);

    /// <param name="stockBefore">The variant's Cartona stock before this change (the driver's model).</param>
    /// <param name="stockAfter">After it; equal to <paramref name="stockBefore"/> for a price change.</param>
    public void Expect(int variant, OdooChangeKind kind, long seq, long dueAt, int stockBefore, int stockAfter)
    {
        lock (_gate)
        {
            if (!_byVariant.TryGetValue(variant, out var pending)) _byVariant[variant] = pending = new Pending();
            pending.SeqByStock.TryAdd(stockBefore, 0);
            if (kind == OdooChangeKind.Price) pending.Price.Add((seq, dueAt, kind));
            else
            {
                if (!pending.SeqByStock.TryAdd(stockAfter, seq))
                    throw new InvalidOperationException($"variant {variant}: stock {stockAfter} is not new, the change cannot be identified");
                pending.Stock.Add((seq, dueAt, kind));
            }
            _outstanding++;
        }
    }

    /// <summary>The change's Odoo transaction failed: stop waiting for it.</summary>
    public void Abandon(int variant, long seq)
    {
        lock (_gate)
        {
            if (!_byVariant.TryGetValue(variant, out var pending)) return;
            _outstanding -= pending.Price.RemoveAll(e => e.Seq == seq) + pending.Stock.RemoveAll(e => e.Seq == seq);
        }
    }

    /// <summary>Called from the marketplace's request threads for each applied item.</summary>
    public void Applied(int variant, string? sellingPrice, int stock, long at)
    {
        Interlocked.Exchange(ref _lastAppliedAt, at);
        lock (_gate)
        {
            if (!_byVariant.TryGetValue(variant, out var pending)) return;
            Resolve(pending.Price, PriceCode.Decode(sellingPrice), at);
            Resolve(pending.Stock, pending.SeqByStock.GetValueOrDefault(stock, -1), at);
        }
    }

    /// <summary>Latencies recorded since the last call, in milliseconds, by kind of change.</summary>
    public Dictionary<OdooChangeKind, double[]> TakeLatencies()
    {
        lock (_gate)
        {
            var taken = _ms.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
            _ms = NewSamples();
            return taken;
        }
    }

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

    private void Resolve(List<(long Seq, long DueAt, OdooChangeKind Kind)> queue, long appliedSeq, long at)
    {
        if (appliedSeq <= 0 || queue.Count == 0) return;
        var resolved = 0;
        while (resolved < queue.Count && queue[resolved].Seq <= appliedSeq)
        {
            var e = queue[resolved++];
            _ms[e.Kind].Add(Stopwatch.GetElapsedTime(e.DueAt, at).TotalMilliseconds);
        }
        queue.RemoveRange(0, resolved);
        _outstanding -= resolved;
    }

    private static Dictionary<OdooChangeKind, List<double>> NewSamples() =>
        Enum.GetValues<OdooChangeKind>().ToDictionary(k => k, _ => new List<double>());

    /// <summary>One variant's changes not yet seen on the marketplace, in sequence order, and which change
    /// produced each stock value it had.</summary>
    private sealed class Pending
    {
        public List<(long Seq, long DueAt, OdooChangeKind Kind)> Price { get; } = [];
        public List<(long Seq, long DueAt, OdooChangeKind Kind)> Stock { get; } = [];
        public Dictionary<int, long> SeqByStock { get; } = [];
    }
}
