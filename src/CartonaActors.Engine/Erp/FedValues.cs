using System.Collections.Concurrent;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CartonaActors.Domain.Products;

namespace CartonaActors.Engine.Erp;

/// <summary>
/// What was last fed to each ERP product, as a 64-bit digest. The poller re-reads its overlap window on every
/// poll (write_date is a transaction's start time, so skipping by date could lose a late commit); comparing
/// values instead lets unchanged records pass without waking their idle product entities. Node-local and
/// rebuilt after a restart: the first poll simply feeds everything once.
/// </summary>
public sealed class FedValues
{
    private readonly ConcurrentDictionary<string, ulong> _digests = new(StringComparer.Ordinal);

    public bool IsUnchanged(UpdateProduct update) =>
        _digests.TryGetValue(update.ProductId, out var digest) && digest == Digest(update);

    /// <summary>Call only once the product accepted the update.</summary>
    public void Remember(UpdateProduct update) => _digests[update.ProductId] = Digest(update);

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
}
