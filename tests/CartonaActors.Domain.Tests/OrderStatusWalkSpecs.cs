using CartonaActors.Domain.Orders;
using static CartonaActors.Domain.Tests.StepwiseMarketplace;

namespace CartonaActors.Domain.Tests;

/// <summary>An ERP that is steps ahead of the marketplace (confirmed and delivered before the marketplace was told
/// "confirmed") is walked through every status the platform's machine requires, one push per step, in order; only a
/// change no walk allows is refused.</summary>
public class OrderStatusWalkSpecs
{
    private const string Id = "stepwise/O-1";
    private static readonly OrderSyncPolicy DeliveredMeansShipped = new(OrderStage.Shipped, null);

    private static MarketplaceOrder Order(string status, bool deliveryCode = false) =>
        new("O-1", null, status, false, deliveryCode ? "installment" : "standard", deliveryCode, new OrderTotals(10, null),
            new MarketplaceCustomer("buyer_1", "Shop", null, null, null, null), [new OrderLine(1, "51", null, null, 1, 10, null)], "Order O-1", "{}");

    private static OrderState Fold(OrderState s, params IOrderEvent[] events) => events.Aggregate(s, OrderRules.Apply);

    /// <summary>Imported with the marketplace at <paramref name="status"/>; the ERP order then moved on to
    /// <paramref name="erpState"/> (with its delivery validated when <paramref name="delivered"/>).</summary>
    private static OrderState Imported(string status, string erpState, bool delivered = false, bool deliveryCode = false) =>
        Fold(OrderState.Empty(Id),
            new OrderVersionReceived(Id, 1, Order(status, deliveryCode), DateTimeOffset.UnixEpoch),
            new OrderCustomerLinked(Id, 7),
            new SaleOrderLinked(Id, 70, 1, new Dictionary<long, long> { [1] = 700 }),
            new ErpStatusApplied(Id, status),
            new ErpOrderObserved(Id, erpState, delivered, [new ErpLine(700, 51, 1, 10)]));

    private static OrderStep Next(OrderState s, OrderSyncPolicy? policy = null) =>
        OrderRules.NextStep(s, policy ?? OrderSyncPolicy.Default, Instance);

    /// <summary>Does what the order entity does: push, record the push, ask again; the statuses pushed and the step
    /// that ended the walk.</summary>
    private static (List<string> Pushed, OrderStep End) Walk(OrderState s, OrderSyncPolicy? policy = null)
    {
        var pushed = new List<string>();
        for (var step = Next(s, policy); ; step = Next(s, policy))
        {
            if (step is not OrderStep.PushStatus push || pushed.Count > 5) return (pushed, step);
            pushed.Add(push.Update.Status);
            s = OrderRules.Apply(s, new MarketplaceStatusPushed(Id, push.Update.Status));
        }
    }

    [Fact]
    public void A_delivery_validated_while_the_marketplace_shows_open_walks_every_status_to_delivered_in_order()
    {
        var (pushed, end) = Walk(Imported(Open, "sale", delivered: true));
        Assert.Equal([Accepted, Packed, Shipped, Delivered], pushed);
        Assert.IsType<OrderStep.Nothing>(end);
    }

    [Fact]
    public void With_delivered_configured_as_shipped_the_walk_ends_at_shipped()
    {
        var (pushed, end) = Walk(Imported(Open, "sale", delivered: true), DeliveredMeansShipped);
        Assert.Equal([Accepted, Packed, Shipped], pushed);
        Assert.IsType<OrderStep.Nothing>(end);
    }

    [Fact]
    public void A_delivery_validated_on_an_accepted_order_walks_through_packed_and_shipped()
    {
        Assert.Equal([Packed, Shipped, Delivered], Walk(Imported(Accepted, "sale", delivered: true)).Pushed);
    }

    [Fact]
    public void A_walk_resumes_after_the_last_push_the_journal_holds()
    {
        var s = OrderRules.Apply(Imported(Open, "sale", delivered: true), new MarketplaceStatusPushed(Id, Accepted));
        Assert.Equal(new OrderStatusUpdate(Packed), Assert.IsType<OrderStep.PushStatus>(Next(s)).Update);
        s = OrderRules.Apply(s, new MarketplaceStatusPushed(Id, Packed));
        Assert.Equal(new OrderStatusUpdate(Shipped), Assert.IsType<OrderStep.PushStatus>(Next(s)).Update);
    }

    [Fact]
    public void A_direct_move_is_taken_without_a_detour()
    {
        // Open may be cancelled directly: the order is not accepted first just to be cancelled.
        var push = Assert.IsType<OrderStep.PushStatus>(Next(Imported(Open, "cancel")));
        Assert.Equal(new OrderStatusUpdate(Cancelled, Reason: "seller cancelled"), push.Update);
    }

    [Fact]
    public void A_change_no_walk_allows_is_refused_once_and_never_sent()
    {
        // Packed cannot be cancelled by the seller, directly or by any walk (its only move leads on to shipped).
        var s = Imported(Packed, "cancel");
        var refuse = Assert.IsType<OrderStep.RefuseStatus>(Next(s));
        Assert.Equal((Packed, Cancelled), (refuse.From, refuse.To));
        s = OrderRules.Apply(s, new MarketplaceStatusRefused(Id, refuse.From, refuse.To, refuse.Reason));
        Assert.IsType<OrderStep.Nothing>(Next(s));
    }

    [Fact]
    public void A_step_the_marketplace_refused_stops_the_walk()
    {
        var s = OrderRules.Apply(Imported(Open, "sale", delivered: true),
            new MarketplaceStatusRefused(Id, Open, Accepted, "the marketplace refused: order locked"));
        Assert.IsType<OrderStep.Nothing>(Next(s));
    }

    [Fact]
    public void An_order_refused_the_direct_jump_before_walks_were_known_is_walked_now()
    {
        // Journals from before the walk hold "open -> delivered" as refused; that must not strand the order.
        var s = OrderRules.Apply(Imported(Open, "sale", delivered: true),
            new MarketplaceStatusRefused(Id, Open, Delivered, "no seller move from open to delivered"));
        Assert.Equal([Accepted, Packed, Shipped, Delivered], Walk(s).Pushed);
    }

    [Fact]
    public void An_order_that_needs_the_buyers_code_is_walked_as_far_as_shipped_and_then_waits_for_the_code()
    {
        var (pushed, end) = Walk(Imported(Open, "sale", delivered: true, deliveryCode: true));
        Assert.Equal([Accepted, Packed, Shipped], pushed);
        Assert.Contains("OTP", Assert.IsType<OrderStep.Flag>(end).Reason);
    }

    [Fact]
    public void With_the_buyers_code_given_the_code_goes_with_the_delivered_step_only()
    {
        // The ERP order is confirmed, not yet delivered: the operator's code tells the marketplace "delivered" first.
        var s = OrderRules.Apply(Imported(Accepted, "sale", deliveryCode: true), new RetailerOtpGiven(Id, "4321"));
        var updates = new List<OrderStatusUpdate>();
        while (Next(s) is OrderStep.PushStatus push && updates.Count < 5)
        {
            updates.Add(push.Update);
            s = OrderRules.Apply(s, new MarketplaceStatusPushed(Id, push.Update.Status));
        }
        Assert.Equal([new(Packed), new(Shipped), new(Delivered, "4321")], updates);
    }
}
