using Akka.Actor;
using CartonaActors.Domain.Orders;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Orders;

/// <summary>Hands ERP sale orders that belong to a marketplace order (client_order_ref = <c>&lt;connection&gt;/&lt;hashed_id&gt;</c>
/// of a configured connection) to their order entities; others (orders typed in by hand) are ignored.</summary>
public static class ErpOrderRouting
{
    public static int Route(IEnumerable<OdooSaleOrder> orders, IActorRef orderRegion, IReadOnlySet<string> connections)
    {
        var routed = 0;
        foreach (var o in orders)
        {
            if (o.ClientOrderRef is not { } reference || reference.IndexOf('/') is var slash && slash <= 0) continue;
            if (!connections.Contains(reference[..slash])) continue;
            orderRegion.Tell(new ErpOrderChanged(reference, o.State, o.DeliveryDone,
                o.Lines.Select(l => new ErpLine(l.Id, l.VariantId, l.Quantity, l.PriceUnit)).ToList()));
            routed++;
        }
        return routed;
    }
}
