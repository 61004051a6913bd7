using CartonaActors.Sandbox.Shopify.GraphQL;
using CartonaActors.Sandbox.Shopify.Schema;
using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify.Api;

/// <summary>
/// <c>orderCancel(orderId, reason, restock, refundMethod | refund, notifyCustomer, staffNote)</c>: accepted as an
/// asynchronous job, as Shopify does. The order is cancelled (cancelledAt, orders/cancelled) when the next
/// authenticated request arrives, so a client that reads the order straight back may see it not yet cancelled.
/// An unknown order is NOT_FOUND; one already cancelled (or being cancelled), or with fulfillments, is INVALID.
/// </summary>
internal static class OrderCancel
{
    private static readonly HashSet<string> Reasons = ["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"];

    public static object Resolve(GqlSelection selection, GqlContext context) =>
        Idempotency.Run(selection, context, () => Apply(selection, context), e => new OrderCancelPayload(null, [e]));

    private static OrderCancelPayload Apply(GqlSelection selection, GqlContext context)
    {
        var order = context.Shop.Order(selection.Arg("orderId") as string ?? "");
        if (order is null) return Refused(context, new UserError(["orderId"], "Order does not exist", "NOT_FOUND"));
        order.CancelCalls++;
        if (selection.Arg("reason") is not string reason || !Reasons.Contains(reason))
            return Refused(context, new UserError(["reason"], "Reason is invalid", "INVALID"));
        if (selection.Arg("restock") is not bool)
            return Refused(context, new UserError(["restock"], "Restock is required", "INVALID"));
        if (order.CancelledAt is not null || order.CancelPending)
            return Refused(context, new UserError(["orderId"], "Order has already been cancelled", "INVALID"));
        if (order.FulfillmentStatus is "FULFILLED" or "PARTIALLY_FULFILLED")
            return Refused(context, new UserError(["orderId"], "Cannot cancel an order with fulfillments", "INVALID"));

        var refund = selection.Arg("refund") is true
            || selection.Arg("refundMethod") is IReadOnlyDictionary<string, object?> method && method.GetValueOrDefault("originalPaymentMethodsRefund") is true;
        order.CancelPending = true;
        order.RefundOnCancel = refund;
        order.PendingReason = reason;
        var job = context.Shop.NewId("Job");
        context.Shop.Jobs[job] = order;
        return new OrderCancelPayload(new JobResult(job, false), []);
    }

    private static OrderCancelPayload Refused(GqlContext context, UserError error)
    {
        context.Outcome = "user_errors";
        return new OrderCancelPayload(null, [error]);
    }
}
