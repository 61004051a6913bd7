namespace CartonaActors.Domain.Orders;

/// <summary>
/// A connection's waiting order calls: at most one per order and kind (acknowledgement, status, line edits), so
/// an order whose call timed out and was asked again never has two copies waiting; acknowledgements leave in
/// bulk. First come, first served; a call asked again keeps its place with the newer request.
/// </summary>
public sealed class OrderCallQueue
{
    private readonly LinkedList<Waiting> _queue = new();
    private readonly Dictionary<(string OrderId, string Kind), LinkedListNode<Waiting>> _byKey = new();

    public int Count => _queue.Count;

    /// <summary>Waits behind what is queued; replaces (in its place) a call of the same order and kind.</summary>
    public void Enqueue(OrderCallRequest call) => Put(new Waiting(call, Alone: false), atFront: false);

    /// <summary>Back at the front after a failure or a rate limit, unless a newer request of the same order and
    /// kind arrived meanwhile (that one wins). <paramref name="alone"/>: never batched again (a bulk call that
    /// was refused as a whole is tried order by order, so one bad order cannot block the others).</summary>
    public void Requeue(IReadOnlyList<OrderCallRequest> calls, bool alone = false)
    {
        for (var i = calls.Count - 1; i >= 0; i--)
            if (!_byKey.ContainsKey(KeyOf(calls[i]))) Put(new Waiting(calls[i], alone), atFront: true);
    }

    /// <summary>The next call: the first waiting one, or, when it is an acknowledgement, it and the acknowledgements
    /// queued after it, up to <paramref name="maxAcknowledgements"/>. Empty when nothing waits.</summary>
    public IReadOnlyList<OrderCallRequest> TakeNext(int maxAcknowledgements)
    {
        if (_queue.First is not { } first) return [];
        if (!first.Value.Call.Acknowledge || first.Value.Alone || maxAcknowledgements <= 1) return [Remove(first)];
        var taken = new List<OrderCallRequest>();
        for (var node = first; node is not null && taken.Count < maxAcknowledgements;)
        {
            var next = node.Next;
            if (node.Value.Call.Acknowledge && !node.Value.Alone) taken.Add(Remove(node));
            node = next;
        }
        return taken;
    }

    private void Put(Waiting waiting, bool atFront)
    {
        var key = KeyOf(waiting.Call);
        if (_byKey.TryGetValue(key, out var existing))
        {
            existing.Value = waiting;
            return;
        }
        _byKey[key] = atFront ? _queue.AddFirst(waiting) : _queue.AddLast(waiting);
    }

    private OrderCallRequest Remove(LinkedListNode<Waiting> node)
    {
        _queue.Remove(node);
        _byKey.Remove(KeyOf(node.Value.Call));
        return node.Value.Call;
    }

    private static (string, string) KeyOf(OrderCallRequest call) =>
        (call.OrderId, call.Acknowledge ? "acknowledgement" : call.Lines is not null ? "lines" : "status");

    private sealed record Waiting(OrderCallRequest Call, bool Alone);
}
