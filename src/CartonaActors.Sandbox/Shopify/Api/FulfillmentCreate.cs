using System.Globalization;
using CartonaActors.Sandbox.Shopify.GraphQL;
using CartonaActors.Sandbox.Shopify.Schema;
using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify.Api;

/// <summary>
/// <c>fulfillmentCreate(fulfillment:)</c>: ships fulfillment-order lines of one order. A fulfillment order given
/// without line items ships everything it still has. Fully shipped fulfillment orders become CLOSED and the order
/// FULFILLED (else IN_PROGRESS / PARTIALLY_FULFILLED); a closed, cancelled or unknown fulfillment order, or a
/// quantity beyond what remains, is a userError and nothing ships.
/// </summary>
internal static class FulfillmentCreate
{
    public static object Resolve(GqlSelection selection, GqlContext context) =>
        Idempotency.Run(selection, context, () => Apply(selection, context), e => new FulfillmentCreatePayload(null, [e]));

    private static FulfillmentCreatePayload Apply(GqlSelection selection, GqlContext context)
    {
        var input = Inputs.Map(selection.Arg("fulfillment"), "fulfillment");
        var groups = Inputs.List(input.GetValueOrDefault("lineItemsByFulfillmentOrder"), "lineItemsByFulfillmentOrder")
            .Select(g => Inputs.Map(g, "lineItemsByFulfillmentOrder")).ToList();
        var errors = new List<UserError>();
        var shipments = new List<(FulfillmentOrderLineEntity Line, int Quantity)>();
        OrderEntity? order = null;
        if (groups.Count == 0)
            errors.Add(new UserError(["fulfillment", "lineItemsByFulfillmentOrder"], "Line items by fulfillment order can't be blank"));
        for (var i = 0; i < groups.Count; i++)
        {
            var at = i.ToString(CultureInfo.InvariantCulture);
            var path = new[] { "fulfillment", "lineItemsByFulfillmentOrder", at, "fulfillmentOrderId" };
            var id = Inputs.String(groups[i], "fulfillmentOrderId");
            var fo = context.Shop.Orders.SelectMany(o => o.FulfillmentOrders).FirstOrDefault(f => f.Id == id);
            if (fo is null)
            {
                errors.Add(new UserError(path, "Fulfillment order does not exist."));
                continue;
            }
            if (order is not null && fo.Order != order)
            {
                errors.Add(new UserError(path, "All fulfillment orders must belong to the same order."));
                continue;
            }
            order = fo.Order;
            if (fo.Status is "CLOSED" or "CANCELLED" or "INCOMPLETE" || fo.Order.CancelledAt is not null || fo.Order.CancelPending)
            {
                var status = fo.Order.CancelledAt is not null || fo.Order.CancelPending ? "cancelled" : fo.Status.ToLowerInvariant();
                errors.Add(new UserError(path, $"Fulfillment order {Gid.Number(fo.Id)} has an unfulfillable status= {status}."));
                continue;
            }
            if (!groups[i].TryGetValue("fulfillmentOrderLineItems", out var rawLines) || rawLines is null)
            {
                shipments.AddRange(fo.Lines.Where(l => l.Remaining > 0).Select(l => (l, l.Remaining)));
                continue;
            }
            foreach (var raw in Inputs.List(rawLines, "fulfillmentOrderLineItems"))
            {
                var line = Inputs.Map(raw, "fulfillmentOrderLineItems");
                var foLine = fo.Lines.FirstOrDefault(l => l.Id == Inputs.String(line, "id"));
                var quantity = Inputs.Integer(line.GetValueOrDefault("quantity")) ?? 0;
                if (foLine is null || quantity <= 0 || quantity > foLine.Remaining)
                {
                    errors.Add(new UserError(["fulfillment", "lineItemsByFulfillmentOrder", at, "fulfillmentOrderLineItems"],
                        "Invalid fulfillment order line item quantity requested."));
                    continue;
                }
                shipments.Add((foLine, (int)quantity));
            }
        }
        foreach (var (line, _) in shipments)
            if (context.Faults.Rejection(line.LineItem.Variant.Sku) is { } rejected)
                errors.Add(new UserError(["fulfillment", "lineItemsByFulfillmentOrder"], rejected.Message));
        if (errors.Count > 0 || order is null)
        {
            context.Outcome = "user_errors";
            return new FulfillmentCreatePayload(null, errors);
        }

        foreach (var (line, quantity) in shipments) line.Remaining -= quantity;
        foreach (var fo in order.FulfillmentOrders.Where(f => f.Status is "OPEN" or "IN_PROGRESS"))
            fo.Status = fo.Lines.All(l => l.Remaining == 0) ? "CLOSED" : fo.Lines.Any(l => l.Remaining < l.LineItem.Quantity) ? "IN_PROGRESS" : "OPEN";
        var done = order.FulfillmentOrders.All(f => f.Lines.All(l => l.Remaining == 0));
        order.FulfillmentStatus = done ? "FULFILLED" : "PARTIALLY_FULFILLED";
        order.Fulfillments++;
        context.Shop.Changed(order, done ? "orders/fulfilled" : "orders/partially_fulfilled", "orders/updated");
        return new FulfillmentCreatePayload(new FulfillmentResult(context.Shop.NewId("Fulfillment"), "SUCCESS", context.Now, Tracking(input)), []);
    }

    private static List<TrackingInfo> Tracking(IReadOnlyDictionary<string, object?> input)
    {
        if (input.GetValueOrDefault("trackingInfo") is not IReadOnlyDictionary<string, object?> info) return [];
        var number = Inputs.String(info, "number") ?? Inputs.List(info.GetValueOrDefault("numbers"), "numbers").FirstOrDefault()?.ToString();
        var url = Inputs.String(info, "url") ?? Inputs.List(info.GetValueOrDefault("urls"), "urls").FirstOrDefault()?.ToString();
        return [new TrackingInfo(number, Inputs.String(info, "company"), url)];
    }
}
