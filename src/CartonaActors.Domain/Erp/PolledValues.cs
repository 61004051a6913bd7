using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Erp;

/// <summary>
/// What one poller fed for each variant, so that re-reading its overlap window (kept for late commits) does not
/// wake every product changed in the last minutes on every poll. A variant is skipped only when all of this holds:
/// <list type="bullet">
/// <item>its newest change record in the page has the same write_date as when this poller fed it (any later
/// write, through any path, moves a write_date);</item>
/// <item>the values read now are the ones fed then (a late commit in the same second shows other values);</item>
/// <item>that read started after the write_date's second had ended (so no other write of that second, committed
/// before the read, can be newer than what was fed).</item>
/// </list>
/// Webhooks and catalog loads never skip. Memory only, pruned to the poll window: a poller that moves to another
/// node simply feeds its window once.
/// </summary>
public sealed class PolledValues
{
    private readonly ConcurrentDictionary<string, Fed> _fed = new(StringComparer.Ordinal);

    public int Count => _fed.Count;

    public bool AlreadyFed(UpdateProduct update, DateTime changeWriteDate) =>
        _fed.TryGetValue(update.ProductId, out var fed)
        && fed.ChangeWriteDate == changeWriteDate
        && fed.ReadStarted >= new DateTimeOffset(DateTime.SpecifyKind(changeWriteDate, DateTimeKind.Utc)).AddSeconds(1)
        && fed.Digest == Digest(update);

    /// <summary>Call once the product accepted the update (applied, unchanged or outdated by a later read).</summary>
    public void Remember(UpdateProduct update, DateTime changeWriteDate) =>
        _fed[update.ProductId] = new Fed(changeWriteDate, update.ObservedAt ?? DateTimeOffset.MinValue, Digest(update));

    /// <summary>Forgets variants whose last fed change is older than the poll window: they are not re-read.</summary>
    public void ForgetBefore(DateTime windowStart)
    {
        foreach (var (id, fed) in _fed)
            if (fed.ChangeWriteDate < windowStart) _fed.TryRemove(id, out _);
    }

    private static ulong Digest(UpdateProduct u)
    {
        var text = new StringBuilder()
            .Append(u.Price).Append('|').Append(u.UnlimitedStock).Append('|');
        foreach (var (warehouse, qty) in (u.StockByWarehouse ?? new Dictionary<string, decimal>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            text.Append(warehouse).Append('=').Append(qty).Append(';');
        text.Append('|');
        foreach (var l in u.Listings ?? []) text.Append(l.ConnectionId).Append('>').Append(l.Ref.Kind).Append(':').Append(l.Ref.Value).Append(';');
        text.Append('|');
        foreach (var c in u.UnlinkConnections ?? []) text.Append(c).Append(';');
        return BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private sealed record Fed(DateTime ChangeWriteDate, DateTimeOffset ReadStarted, ulong Digest);
}
