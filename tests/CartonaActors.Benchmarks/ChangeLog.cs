namespace CartonaActors.Benchmarks;

/// <summary>What the driver sent: for each sequence number its product and the product's stock after it, and
/// per product the last change the service accepted plus any later ones whose outcome is unknown (failed).
/// Sequence numbers are handed out by one thread in increasing order; outcomes arrive from any thread.</summary>
public sealed class ChangeLog(int products)
{
    private readonly object _gate = new();
    private readonly List<(int Product, int Stock)> _bySeq = [(0, 0)]; // seq 0 is unused
    private readonly int[] _stockModel = new int[products + 1];
    private readonly long[] _lastOk = new long[products + 1];
    private readonly List<long>?[] _failedSinceOk = new List<long>?[products + 1];

    public long LastSeq { get { lock (_gate) return _bySeq.Count - 1; } }

    /// <summary>Assigns the next sequence number to a change of <paramref name="product"/>; <paramref name="stock"/>
    /// null leaves the product's stock as it was.</summary>
    public long Next(int product, int? stock)
    {
        lock (_gate)
        {
            if (stock is { } s) _stockModel[product] = s;
            _bySeq.Add((product, _stockModel[product]));
            return _bySeq.Count - 1;
        }
    }

    public void Accepted(long seq)
    {
        lock (_gate)
        {
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
            var p = _bySeq[(int)seq].Product;
            if (seq > _lastOk[p]) (_failedSinceOk[p] ??= []).Add(seq);
        }
    }

    /// <summary>Null when the marketplace's state for the product is one the driver could have produced:
    /// the last accepted change, or a later one whose request failed (it may still have been recorded).</summary>
    public string? Verify(int product, long finalSeq, int finalStock)
    {
        lock (_gate)
        {
            var last = _lastOk[product];
            var allowed = finalSeq == last || (_failedSinceOk[product]?.Contains(finalSeq) ?? false);
            if (!allowed) return $"product {product}: marketplace holds change #{finalSeq}, last accepted #{last}";
            var expectedStock = _bySeq[(int)finalSeq].Stock;
            return finalStock == expectedStock ? null
                : $"product {product}: marketplace stock {finalStock}, change #{finalSeq} left it at {expectedStock}";
        }
    }
}
