using Akka.Actor;
using CartonaActors.Domain.Orders;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Orders;

/// <summary>Hands ERP sale orders that belong to a marketplace order (client_order_ref = <c>&lt;connection&gt;/&lt;hashed_id&gt;</c>
/// of a configured connection) to their order entities; others (orders typed in by hand) are ignored.</summary>
/// <remarks>The poller re-reads its overlap window every time; what was already routed unchanged is skipped so idle
/// order entities are not woken for nothing. Node-local: after a restart everything is routed once.</remarks>
public sealed class ErpOrderRouting(IReadOnlySet<string> connections)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _routed = new();

    public int Route(IEnumerable<OdooSaleOrder> orders, IActorRef orderRegion)
    {
        var routed = 0;
        foreach (var o in orders)
        {
            if (OrderState.ConnectionOf(o.ClientOrderRef) is not { } connection || !connections.Contains(connection)) continue;
            var reference = o.ClientOrderRef!;
            var digest = $"{o.State}|{o.DeliveryDone}|{string.Join(";", o.Lines.Select(l => $"{l.Id}:{l.VariantId}:{l.Quantity}:{l.PriceUnit}"))}";
            if (_routed.TryGetValue(o.Id, out var last) && last == digest) continue;
            _routed[o.Id] = digest;
            orderRegion.Tell(new ErpOrderChanged(reference, o.State, o.DeliveryDone,
                o.Lines.Select(l => new ErpLine(l.Id, l.VariantId, l.Quantity, l.PriceUnit)).ToList()));
            routed++;
        }
        return routed;
    }
}
