namespace CartonaActors.Benchmarks;

/// <summary>What the driver sent: for each sequence number its product and the stock it set (if any), and per
/// product the last change the service accepted plus any later ones whose outcome is unknown (failed).
/// Sequence numbers are handed out by one thread in increasing order; outcomes arrive from any thread.</summary>
public sealed class ChangeLog(int products)
{
    private enum Outcome : byte { Pending, Accepted, Failed }

    private readonly object _gate = new();
    private readonly List<(int Product, int? Stock)> _bySeq = [(0, null)]; // seq 0 is unused
    private readonly List<Outcome> _outcome = [Outcome.Pending];
    private readonly List<long>?[] _seqsOf = new List<long>?[products + 1];
    private readonly long[] _lastOk = new long[products + 1];
    private readonly List<long>?[] _failedSinceOk = new List<long>?[products + 1];

    public long LastSeq { get { lock (_gate) return _bySeq.Count - 1; } }

    /// <summary>Assigns the next sequence number to a change of <paramref name="product"/>; <paramref name="stock"/>
    /// null leaves the product's stock as it was.</summary>
    public long Next(int product, int? stock)
    {
        lock (_gate)
        {
            _bySeq.Add((product, stock));
            _outcome.Add(Outcome.Pending);
            var seq = _bySeq.Count - 1;
            (_seqsOf[product] ??= []).Add(seq);
            return seq;
        }
    }

    public void Accepted(long seq)
    {
        lock (_gate)
        {
            _outcome[(int)seq] = Outcome.Accepted;
            var p = _bySeq[(int)seq].Product;
            if (seq <= _lastOk[p]) return;
            _lastOk[p] = seq;
            _failedSinceOk[p]?.RemoveAll(f => f < seq);
        }
    }

    public void Failed(long seq)
    {
        lock (_gate)
        {
            _outcome[(int)seq] = Outcome.Failed;
            var p = _bySeq[(int)seq].Product;
            if (seq > _lastOk[p]) (_failedSinceOk[p] ??= []).Add(seq);
        }
    }

    /// <summary>Null when the marketplace's state for the product is one the driver could have produced:
    /// the last accepted change, or a later one whose request failed (it may still have been recorded), with a
    /// stock from the latest accepted stock change before it or any failed one after that (a failed request may or
    /// may not have been recorded, e.g. when its node was killed).</summary>
    public string? Verify(int product, long finalSeq, int finalStock)
    {
        lock (_gate)
        {
            var last = _lastOk[product];
            var allowed = finalSeq == last || (_failedSinceOk[product]?.Contains(finalSeq) ?? false);
            if (!allowed) return $"product {product}: marketplace holds change #{finalSeq}, last accepted #{last}";
            var stocks = new List<int>();
            var seqs = _seqsOf[product] ?? [];
            for (var i = seqs.Count - 1; i >= 0; i--)
            {
                var seq = seqs[i];
                if (seq > finalSeq) continue;
                if (_bySeq[(int)seq].Stock is not { } stock) continue;
                // The final change itself was recorded (its price is shown), so its stock is definite too.
                if (_outcome[(int)seq] == Outcome.Accepted || seq == finalSeq)
                {
                    stocks.Add(stock);
                    break;
                }
                stocks.Add(stock);
            }
            return stocks.Contains(finalStock) ? null
                : $"product {product}: marketplace stock {finalStock}, change #{finalSeq} may have left it at {string.Join(" or ", stocks)}";
        }
    }
}
