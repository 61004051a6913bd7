namespace CartonaActors.Sandbox.Shopify.State;

/// <summary>What cancelling does to an order, whoever cancels it (the shop, or a finished orderCancel job).</summary>
internal static class OrderCancellation
{
    public static void Complete(ShopState shop, OrderEntity order, string? reason = null, bool refund = false)
    {
        if (order.CancelledAt is not null) return;
        order.CancelledAt = shop.Now();
        if (reason is not null) order.CancelReason = reason;
        order.CancelReason ??= "OTHER";
        if (refund || order.RefundOnCancel) order.FinancialStatus = "REFUNDED";
        foreach (var fo in order.FulfillmentOrders.Where(f => f.Status is "OPEN" or "IN_PROGRESS"))
            fo.Status = "CLOSED";
        shop.Changed(order, "orders/cancelled", "orders/updated");
    }
}
