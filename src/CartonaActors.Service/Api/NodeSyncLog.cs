using System.Collections.Concurrent;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Service.Api;

/// <summary>
/// Refused input and order problems seen on this node, newest last, bounded. Refused input writes nothing to
/// the journal, so this is where it shows; marketplace problems come from each connection's persisted ledger.
/// </summary>
public sealed class NodeSyncLog
{
    private const int Limit = 500;
    private readonly ConcurrentQueue<SyncIssue> _issues = new();

    public void Refused(string? productId, string reason) =>
        Record(new SyncIssue(DateTimeOffset.UtcNow, "input_refused", productId, reason));

    public void Record(SyncIssue issue)
    {
        _issues.Enqueue(issue);
        while (_issues.Count > Limit) _issues.TryDequeue(out _);
    }

    public IReadOnlyList<SyncIssue> Recent() => _issues.ToArray();
}
