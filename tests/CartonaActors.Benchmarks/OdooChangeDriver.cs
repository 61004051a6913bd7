using System.Diagnostics;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Benchmarks;

/// <summary>
/// Phase 2 of the odoo scenario: changes made in Odoo at a fixed rate (open loop), each one Odoo transaction through
/// the emulator — a template's list price, a quant's quantity (inventory adjustment) or a reservation — so Odoo
/// posts its webhooks before the commit, exactly as Odoo 18 does. Changes of one variant run one after the other
/// (Odoo locks the rows); the driver keeps a model of every quant so it can choose, for each stock change, a
/// resulting Cartona stock the variant never had (see <see cref="OdooLatencyTracker"/>).
/// </summary>
public sealed class OdooChangeDriver
{
    private const int MaxInFlight = 256;
    private const double PriceShare = 0.4;
    private const double StockShare = 0.35; // the rest are reservations

    private readonly BenchOptions _options;
    private readonly OdooSide _odoo;
    private readonly OdooLatencyTracker _tracker;
    private readonly Random _random = new(4242);
    private readonly int[][] _quantity = new int[2][];
    private readonly int[][] _reserved = new int[2][];
    private readonly Dictionary<int, HashSet<int>> _seenStock = [];
    private readonly object _gate = new();
    private readonly Dictionary<OdooChangeKind, int> _made = Enum.GetValues<OdooChangeKind>().ToDictionary(k => k, _ => 0);
    private readonly List<double> _saveMs = [];
    private long _seq;
    private int _failed;
    private string? _firstError;

    public OdooChangeDriver(BenchOptions options, OdooSide odoo, OdooLatencyTracker tracker)
    {
        _options = options;
        _odoo = odoo;
        _tracker = tracker;
        for (var w = 0; w < 2; w++)
        {
            _quantity[w] = new int[odoo.Variants + 1];
            _reserved[w] = new int[odoo.Variants + 1];
            for (var id = 1; id <= odoo.Variants; id++)
                (_quantity[w][id], _reserved[w][id]) = OdooSide.InitialStock(id, w);
        }
    }

    public async Task<OdooSteadyResult> RunAsync()
    {
        var total = (long)_options.Rate * _options.Seconds;
        var tails = new Dictionary<int, Task>();
        var inFlight = 0;
        long sent = 0, lagged = 0;
        var start = Stopwatch.GetTimestamp();
        var ticksPerChange = (double)Stopwatch.Frequency / _options.Rate;
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
                var change = Plan();
                var dueAt = start + (long)(i * ticksPerChange);
                _tracker.Expect(change.Variant, change.Kind, change.Seq, dueAt, change.StockBefore, change.StockAfter);
                Interlocked.Increment(ref inFlight);
                sent++;
                var previous = tails.GetValueOrDefault(change.Variant, Task.CompletedTask);
                tails[change.Variant] = ApplyAfterAsync(previous, change, () => Interlocked.Decrement(ref inFlight));
            }
            if (i < total) await tick.WaitForNextTickAsync();
        }
        var sendEndedAt = Stopwatch.GetTimestamp();
        await Task.WhenAll(tails.Values);
        lock (_gate)
            return new OdooSteadyResult(sent, lagged, Stopwatch.GetElapsedTime(start, sendEndedAt), sendEndedAt,
                new Dictionary<OdooChangeKind, int>(_made), _failed, _firstError, Percentiles.Of(_saveMs.ToArray()));
    }

    /// <summary>The next change, decided now against the model (which it updates at once: later changes of the
    /// same variant run after it).</summary>
    private Change Plan()
    {
        var id = _random.Next(1, _odoo.Variants + 1);
        var seq = ++_seq;
        var before = Stock(id);
        var seen = _seenStock.TryGetValue(id, out var s) ? s : _seenStock[id] = [before];
        var roll = _random.NextDouble();
        if (roll < PriceShare) return new Change(OdooChangeKind.Price, id, seq, before, before, 0, 0, 0);

        if (roll >= PriceShare + StockShare)
        {
            // A reservation of 1..5 units in a warehouse with free stock, leaving a stock value not seen before.
            var first = _random.Next(2);
            for (var k = 0; k < 2; k++)
            {
                var w = (first + k) % 2;
                var free = _quantity[w][id] - _reserved[w][id];
                for (var attempt = 0; attempt < 8 && free > 0; attempt++)
                {
                    var amount = _random.Next(1, Math.Min(free, 5) + 1);
                    if (!seen.Add(before - amount)) continue;
                    _reserved[w][id] += amount;
                    return new Change(OdooChangeKind.Reservation, id, seq, before, before - amount, w, amount, 0);
                }
            }
        }

        // An inventory adjustment of one warehouse's quantity (its reservations stay), to a new stock value.
        var wh = _random.Next(2);
        var otherFree = _quantity[1 - wh][id] - _reserved[1 - wh][id];
        var after = -1;
        for (var attempt = 0; attempt < 50 && after < 0; attempt++)
        {
            var candidate = otherFree + _random.Next(0, 301);
            if (!seen.Contains(candidate)) after = candidate;
        }
        if (after < 0) after = Math.Max(seen.Max() + 1, otherFree);
        seen.Add(after);
        _quantity[wh][id] = after - otherFree + _reserved[wh][id];
        return new Change(OdooChangeKind.Stock, id, seq, before, after, wh, _quantity[wh][id], _reserved[wh][id]);
    }

    private int Stock(int id) => _quantity[0][id] - _reserved[0][id] + _quantity[1][id] - _reserved[1][id];

    private async Task ApplyAfterAsync(Task previous, Change change, Action done)
    {
        try
        {
            await previous;
            var started = Stopwatch.GetTimestamp();
            try
            {
                var emulator = _odoo.Emulator;
                var warehouse = _odoo.Warehouses[change.Warehouse];
                switch (change.Kind)
                {
                    case OdooChangeKind.Price:
                        await emulator.SetListPriceAsync(_odoo.Seed.TemplateIds[change.Variant - 1], PriceCode.Encode(change.Seq));
                        break;
                    case OdooChangeKind.Stock:
                        await emulator.SetStockAsync(change.Variant, warehouse, change.Amount, change.Reserved);
                        break;
                    default:
                        await emulator.ReserveAsync(change.Variant, warehouse, change.Amount);
                        break;
                }
                lock (_gate)
                {
                    _made[change.Kind]++;
                    _saveMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (Exception ex)
            {
                _tracker.Abandon(change.Variant, change.Seq);
                lock (_gate)
                {
                    _failed++;
                    _firstError ??= $"{change.Kind} of variant {change.Variant}: {ex.GetType().Name}: {ex.Message}";
                }
            }
        }
        finally
        {
            done();
        }
    }

    /// <param name="Warehouse">0 = WH1, 1 = WH2 (stock changes and reservations).</param>
    /// <param name="Amount">Stock: the warehouse's new on-hand quantity; reservation: units reserved.</param>
    /// <param name="Reserved">Stock: the quant's reserved quantity, kept as it is (an adjustment does not unreserve).</param>
    private sealed record Change(OdooChangeKind Kind, int Variant, long Seq, int StockBefore, int StockAfter, int Warehouse, int Amount, int Reserved);
}

/// <param name="SaveMs">Duration of each Odoo transaction: staging, the webhook POSTs (before commit), the commit.</param>
public sealed record OdooSteadyResult(
    long Sent, long Lagged, TimeSpan SendWindow, long SendEndedAt, IReadOnlyDictionary<OdooChangeKind, int> Made, int Failed,
    string? FirstError, Percentiles SaveMs);
