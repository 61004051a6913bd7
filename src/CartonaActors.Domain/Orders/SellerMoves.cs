using System.Collections.Immutable;

namespace CartonaActors.Domain.Orders;

/// <summary>
/// A platform's seller transition table: the statuses a seller may send from each status. A status model holds
/// one so the same table answers both "is this move legal" and "which legal move leads toward that status" — an ERP
/// that skipped steps (confirmed and delivered before the marketplace was told) is walked, not refused.
/// </summary>
public sealed class SellerMoves
{
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _moves;

    /// <param name="moves">Per status, the statuses the seller may send from it; order breaks ties between equally
    /// short walks.</param>
    public SellerMoves(IReadOnlyDictionary<string, string[]> moves) =>
        _moves = moves.ToImmutableDictionary(m => m.Key, m => m.Value.ToImmutableArray(), StringComparer.Ordinal);

    public bool Allows(string from, string to) => _moves.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>The first status of the shortest walk of seller moves from <paramref name="from"/> to
    /// <paramref name="to"/>: <paramref name="to"/> itself when the move is direct; null when no walk reaches it.
    /// Shortest, so a platform that allows the direct move never sees a detour.</summary>
    public string? NextToward(string from, string to)
    {
        if (from == to) return null;
        // Breadth-first; each status reached remembers the first move of the walk that reached it.
        var firstMoveOf = new Dictionary<string, string>(StringComparer.Ordinal) { [from] = "" };
        var frontier = new Queue<string>([from]);
        while (frontier.TryDequeue(out var status))
        {
            foreach (var next in _moves.GetValueOrDefault(status, []))
            {
                if (firstMoveOf.ContainsKey(next)) continue;
                var first = status == from ? next : firstMoveOf[status];
                if (next == to) return first;
                firstMoveOf[next] = first;
                frontier.Enqueue(next);
            }
        }
        return null;
    }
}
