using System.Collections.Concurrent;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Service.Api;

/// <summary>
/// Refused ERP input on this node, newest last, bounded. Refused input writes nothing to the journal, so this
/// is where it shows; marketplace problems come from each connection's persisted ledger instead.
/// </summary>
public sealed class IngressLog
{
    private const int Limit = 500;
    private readonly ConcurrentQueue<SyncIssue> _issues = new();

    public void Refused(string? productId, string reason)
    {
        _issues.Enqueue(new SyncIssue(DateTimeOffset.UtcNow, "input_refused", productId, reason));
        while (_issues.Count > Limit) _issues.TryDequeue(out _);
    }

    public IReadOnlyList<SyncIssue> Recent() => _issues.ToArray();
}
