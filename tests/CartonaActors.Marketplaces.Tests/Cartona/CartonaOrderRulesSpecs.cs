using CartonaActors.Domain.Orders;
using CartonaActors.Marketplaces.Cartona;

namespace CartonaActors.Marketplaces.Tests.Cartona;

/// <summary>The neutral order rules driven through Cartona's status model: its state machine, ack queue, OTP gate and line edits.</summary>

public class OrderRulesSpecs
{
    private const string Id = "cartona/GMNvpbLM";
    private static readonly OrderSyncPolicy Policy = OrderSyncPolicy.Default;

    private static MarketplaceOrder Order(string status = CartonaStatus.Pending, string deliveredBy = CartonaStatus.DeliveredBySupplier,
        decimal installment = 0, params OrderLine[] details) =>
        CartonaTestOrders.Of("GMNvpbLM", "R-1", status, deliveredBy, 400, 0, installment, 0,
            CartonaTestOrders.Retailer("A00315", "Hayah Market", "+2010", null, null, "Cairo"),
            details.Length > 0 ? details : [new OrderLine(11, "51", null, "Tea", 2, 200, null)], "{}");

    private static OrderState Fold(params IOrderEvent[] events) => events.Aggregate(OrderState.Empty(Id), OrderRules.Apply);

    /// <summary>Imported as a draft ERP order, acknowledged, with Cartona at <paramref name="status"/>.</summary>
    private static OrderState Imported(string status = CartonaStatus.Pending, string erpState = "draft", bool delivered = false,
        string deliveredBy = CartonaStatus.DeliveredBySupplier, decimal installment = 0) => Fold(
        new OrderVersionReceived(Id, 1, Order(status, deliveredBy, installment), DateTimeOffset.UnixEpoch),
        new OrderCustomerLinked(Id, 7),
        new SaleOrderLinked(Id, 70, 1, new Dictionary<long, long> { [11] = 700 }),
        new ErpStatusApplied(Id, status),
        new OrderAcknowledged(Id, 1),
        new ErpOrderObserved(Id, erpState, delivered, [new ErpLine(700, 51, 2, 200)]));

    private static OrderState Received(OrderState s, MarketplaceOrder order) =>
        OrderRules.Apply(s, new OrderVersionReceived(Id, s.Version + 1, order, DateTimeOffset.UnixEpoch));

    private static OrderStep Next(OrderState s) => OrderRules.NextStep(s, Policy, CartonaStatusModel.Instance);

    [Fact]
    public void A_new_order_is_imported_and_acknowledged_only_after_its_sale_order_exists()
    {
        var s = Fold(new OrderVersionReceived(Id, 1, Order(), DateTimeOffset.UnixEpoch));
        Assert.IsType<OrderStep.Import>(Next(s));
        s = OrderRules.Apply(s, new OrderHeld(Id, 1, "detail #11: no Odoo variant 51"));
        Assert.IsType<OrderStep.Import>(Next(s)); // held orders are retried, never acknowledged
        s = OrderRules.Apply(OrderRules.Apply(s, new OrderCustomerLinked(Id, 7)), new SaleOrderLinked(Id, 70, 1, new Dictionary<long, long> { [11] = 700 }));
        Assert.Null(s.Hold);
        Assert.Equal(new OrderStep.NoteErpStatus(CartonaStatus.Pending), Next(s));
        s = OrderRules.Apply(s, new ErpStatusApplied(Id, CartonaStatus.Pending));
        Assert.Equal(new OrderStep.Acknowledge(1), Next(s));
    }

    [Fact]
    public void An_order_cancelled_before_import_is_only_acknowledged_and_an_editing_one_waits()
    {
        Assert.Equal(new OrderStep.Acknowledge(1), Next(Fold(new OrderVersionReceived(Id, 1, Order(CartonaStatus.CancelledByRetailer), DateTimeOffset.UnixEpoch))));
        Assert.IsType<OrderStep.Nothing>(Next(Fold(new OrderVersionReceived(Id, 1, Order(CartonaStatus.Editing), DateTimeOffset.UnixEpoch))));
    }

    [Theory]
    [InlineData(CartonaStatus.Approved, "draft", false, typeof(OrderStep.ConfirmErpOrder))]
    [InlineData(CartonaStatus.AssignedToSalesman, "draft", false, typeof(OrderStep.ConfirmErpOrder))]
    [InlineData(CartonaStatus.Delivered, "draft", false, typeof(OrderStep.ConfirmErpOrder))]
    [InlineData(CartonaStatus.Delivered, "sale", false, typeof(OrderStep.ValidateErpDelivery))]
    [InlineData(CartonaStatus.CancelledByRetailer, "sale", false, typeof(OrderStep.CancelErpOrder))]
    [InlineData(CartonaStatus.CancelledBySupplier, "draft", false, typeof(OrderStep.CancelErpOrder))]
    [InlineData(CartonaStatus.CancelledByRetailer, "sale", true, typeof(OrderStep.Flag))]
    [InlineData(CartonaStatus.Returned, "sale", true, typeof(OrderStep.NoteErpStatus))]
    [InlineData(CartonaStatus.Approved, "sale", false, typeof(OrderStep.NoteErpStatus))]
    public void Cartona_statuses_drive_the_erp_order(string cartona, string erpState, bool delivered, Type expected)
    {
        var s = Received(Imported(erpState: erpState, delivered: delivered), Order(cartona));
        Assert.IsType(expected, Next(s));
    }

    [Fact]
    public void A_cancellation_applies_even_when_a_product_of_the_order_is_no_longer_saleable()
    {
        // Status changes of an imported order never go through line validation (the module's latent bug).
        var s = Received(Imported(erpState: "sale"), Order(CartonaStatus.CancelledByRetailer));
        Assert.Equal(new OrderStep.CancelErpOrder(CartonaStatus.CancelledByRetailer), Next(s));
    }

    [Theory]
    [InlineData(CartonaStatus.Pending, "sale", false, CartonaStatus.Approved)]
    [InlineData(CartonaStatus.Pending, "cancel", false, CartonaStatus.CancelledBySupplier)]
    [InlineData(CartonaStatus.Approved, "cancel", false, CartonaStatus.CancelledBySupplier)]
    [InlineData(CartonaStatus.Approved, "sale", true, CartonaStatus.Delivered)]
    [InlineData(CartonaStatus.AssignedToSalesman, "sale", true, CartonaStatus.Delivered)]
    [InlineData(CartonaStatus.Approved, "draft", false, CartonaStatus.Pending)]
    public void Erp_changes_are_pushed_to_cartona(string cartona, string erpState, bool delivered, string pushed)
    {
        var s = Imported(cartona, erpState, delivered);
        var push = Assert.IsType<OrderStep.PushStatus>(Next(s));
        Assert.Equal(pushed, push.Update.Status);
        if (pushed == CartonaStatus.CancelledBySupplier) Assert.Equal("supplier_asked_me_to_cancel", push.Update.Reason);
    }

    [Fact]
    public void Our_own_erp_changes_are_not_echoed_back()
    {
        // Cartona said approved, we confirmed the ERP order: the ERP is "sale", Cartona already "approved".
        var s = Imported(CartonaStatus.Approved, "sale");
        Assert.IsType<OrderStep.Nothing>(Next(s));
        s = Imported(CartonaStatus.CancelledByRetailer, "cancel");
        Assert.IsType<OrderStep.Nothing>(Next(s));
    }

    [Fact]
    public void A_pushed_status_is_not_pushed_again()
    {
        var s = OrderRules.Apply(Imported(CartonaStatus.Pending, "sale"), new MarketplaceStatusPushed(Id, CartonaStatus.Approved));
        Assert.IsType<OrderStep.Nothing>(Next(s));
    }

    [Fact]
    public void Nothing_is_sent_while_the_retailer_is_editing()
    {
        var s = Received(Imported(CartonaStatus.Pending, "sale"), Order(CartonaStatus.Editing));
        Assert.Equal(new OrderStep.Acknowledge(2), Next(OrderRules.Apply(s, new ErpStatusApplied(Id, CartonaStatus.Editing))));
        s = OrderRules.Apply(OrderRules.Apply(s, new ErpStatusApplied(Id, CartonaStatus.Editing)), new OrderAcknowledged(Id, 2));
        Assert.IsType<OrderStep.Nothing>(Next(s));
    }

    [Fact]
    public void An_order_delivered_by_cartona_only_ever_gets_a_cancellation()
    {
        Assert.IsType<OrderStep.Nothing>(Next(Imported(CartonaStatus.Pending, "sale", deliveredBy: CartonaStatus.DeliveredByCartona)));
        Assert.IsType<OrderStep.Nothing>(Next(Imported(CartonaStatus.Approved, "sale", true, CartonaStatus.DeliveredByCartona)));
        var cancel = Assert.IsType<OrderStep.PushStatus>(Next(Imported(CartonaStatus.Approved, "cancel", deliveredBy: CartonaStatus.DeliveredByCartona)));
        Assert.Equal(CartonaStatus.CancelledBySupplier, cancel.Update.Status);
    }

    [Theory]
    [InlineData(nameof(OrderStage.Delivered), new[] { CartonaStatus.Approved, CartonaStatus.Delivered })]
    [InlineData(nameof(OrderStage.Shipped), new[] { CartonaStatus.Approved, CartonaStatus.AssignedToSalesman })]
    public void An_order_delivered_in_the_erp_while_cartona_shows_pending_is_walked_through_approved(string deliveredStage, string[] walk)
    {
        // Confirmed and delivered in Odoo before approved reached Cartona: pending -> delivered is not a supplier move,
        // but pending -> approved -> delivered (or assigned_to_salesman, when that is what "delivered" means) is.
        var policy = Policy with { DeliveredStage = Enum.Parse<OrderStage>(deliveredStage) };
        var s = Imported(CartonaStatus.Pending, "sale", delivered: true);
        var pushed = new List<string>();
        while (OrderRules.NextStep(s, policy, CartonaStatusModel.Instance) is OrderStep.PushStatus push && pushed.Count < 5)
        {
            pushed.Add(push.Update.Status);
            s = OrderRules.Apply(s, new MarketplaceStatusPushed(Id, push.Update.Status));
        }
        Assert.Equal(walk, pushed);
        Assert.IsType<OrderStep.Nothing>(OrderRules.NextStep(s, policy, CartonaStatusModel.Instance));
    }

    [Fact]
    public void A_walk_resumes_after_approved_was_pushed()
    {
        var s = OrderRules.Apply(Imported(CartonaStatus.Pending, "sale", delivered: true), new MarketplaceStatusPushed(Id, CartonaStatus.Approved));
        Assert.Equal(new OrderStatusUpdate(CartonaStatus.Delivered), Assert.IsType<OrderStep.PushStatus>(Next(s)).Update);
    }

    [Fact]
    public void A_status_cartona_refused_is_recorded_once_and_never_sent_again()
    {
        var s = OrderRules.Apply(Imported(CartonaStatus.Pending, "sale", delivered: true),
            new MarketplaceStatusRefused(Id, CartonaStatus.Pending, CartonaStatus.Approved, "the marketplace refused: order is locked"));
        Assert.IsType<OrderStep.Nothing>(Next(s));
    }

    [Fact]
    public void Delivery_of_an_installment_order_needs_the_retailer_otp()
    {
        var s = Imported(CartonaStatus.Approved, "sale", true, installment: 2990);
        var flag = Assert.IsType<OrderStep.Flag>(Next(s));
        Assert.Contains("OTP", flag.Reason);
        s = OrderRules.Apply(s, new OrderFlagged(Id, flag.Reason));
        Assert.IsType<OrderStep.Nothing>(Next(s));
        s = OrderRules.Apply(s, new RetailerOtpGiven(Id, "123456"));
        var push = Assert.IsType<OrderStep.PushStatus>(Next(s));
        Assert.Equal(new OrderStatusUpdate(CartonaStatus.Delivered, "123456"), push.Update);
    }

    [Fact]
    public void A_retailer_edit_replaces_the_lines_of_a_draft_erp_order_and_is_flagged_on_a_confirmed_one()
    {
        var edited = Order(CartonaStatus.Pending, details: [new OrderLine(11, "51", null, "Tea", 5, 200, null)]);
        Assert.IsType<OrderStep.ReplaceErpLines>(Next(Received(Imported(erpState: "draft"), edited)));
        var flag = Assert.IsType<OrderStep.Flag>(Next(Received(Imported(erpState: "sale"), edited)));
        Assert.True(flag.SettleLines);
    }

    [Fact]
    public void A_retailer_edit_that_arrives_during_the_import_is_applied_after_it()
    {
        var original = Order();
        var edited = Order(CartonaStatus.Pending, details: [new OrderLine(11, "51", null, "Tea", 5, 200, null)]);
        var s = Fold(new OrderVersionReceived(Id, 1, original, DateTimeOffset.UnixEpoch),
            new OrderVersionReceived(Id, 2, edited, DateTimeOffset.UnixEpoch), // while version 1 was being imported
            new OrderCustomerLinked(Id, 7),
            new SaleOrderLinked(Id, 70, 1, new Dictionary<long, long> { [11] = 700 }, original.Lines),
            new ErpOrderObserved(Id, "draft", false, [new ErpLine(700, 51, 2, 200)]));
        Assert.IsType<OrderStep.ReplaceErpLines>(Next(s));

        // The same for a line replacement: the ERP got version 2's lines while version 3 arrived.
        var again = Order(CartonaStatus.Pending, details: [new OrderLine(11, "51", null, "Tea", 9, 200, null)]);
        s = OrderRules.Apply(OrderRules.Apply(s, new OrderVersionReceived(Id, 3, again, DateTimeOffset.UnixEpoch)),
            new OrderLinesSettled(Id, edited.Lines, new Dictionary<long, long> { [11] = 700 }, Version: 2));
        Assert.IsType<OrderStep.ReplaceErpLines>(Next(s));
        s = OrderRules.Apply(s, new OrderLinesSettled(Id, again.Lines, new Dictionary<long, long> { [11] = 700 }, Version: 3));
        Assert.IsNotType<OrderStep.ReplaceErpLines>(Next(s));
    }

    [Fact]
    public void Supplier_line_edits_in_the_erp_become_detail_changes_once()
    {
        var s = OrderRules.Apply(Imported(CartonaStatus.Approved, "sale"),
            new ErpOrderObserved(Id, "sale", false, [new ErpLine(700, 51, 1, 180), new ErpLine(701, 52, 3, 7)]));
        var push = Assert.IsType<OrderStep.PushLines>(Next(s));
        Assert.Contains(new OrderLineChange(11, null, 1, 180), push.Changes);
        Assert.Contains(new OrderLineChange(null, "52", 3, 7), push.Changes);
        s = OrderRules.Apply(s, new MarketplaceLinesPushed(Id, push.Agreed, push.AddedErpLines));
        Assert.IsType<OrderStep.Nothing>(Next(s));

        var deleted = OrderRules.Apply(Imported(CartonaStatus.Approved, "sale"), new ErpOrderObserved(Id, "sale", false, []));
        Assert.Contains(new OrderLineChange(11, null, null, null, Cancelled: true), Assert.IsType<OrderStep.PushLines>(Next(deleted)).Changes);
    }

    [Theory]
    [InlineData(CartonaStatus.Pending, CartonaStatus.Approved, null)]
    [InlineData(CartonaStatus.Pending, CartonaStatus.Delivered, "does not allow")]
    [InlineData(CartonaStatus.Editing, CartonaStatus.Approved, "editing")]
    [InlineData(CartonaStatus.Delivered, CartonaStatus.CancelledBySupplier, "does not allow")]
    [InlineData(CartonaStatus.AssignedToSalesman, CartonaStatus.Returned, null)]
    public void The_supplier_state_machine(string from, string to, string? refusal)
    {
        var why = CartonaStatusModel.Instance.Refusal(from, to, Order(from));
        if (refusal is null) Assert.Null(why);
        else Assert.Contains(refusal, why);
    }

    [Theory]
    [InlineData(CartonaStatus.Pending, CartonaStatus.Delivered, CartonaStatus.Approved)]
    [InlineData(CartonaStatus.Pending, CartonaStatus.AssignedToSalesman, CartonaStatus.Approved)]
    [InlineData(CartonaStatus.Approved, CartonaStatus.Delivered, CartonaStatus.Delivered)] // direct: no detour through assigned_to_salesman
    [InlineData(CartonaStatus.AssignedToSalesman, CartonaStatus.Delivered, CartonaStatus.Delivered)]
    [InlineData(CartonaStatus.Pending, CartonaStatus.CancelledBySupplier, CartonaStatus.CancelledBySupplier)]
    [InlineData(CartonaStatus.AssignedToSalesman, CartonaStatus.CancelledBySupplier, CartonaStatus.CancelledBySupplier)]
    [InlineData(CartonaStatus.Delivered, CartonaStatus.CancelledBySupplier, null)]
    [InlineData(CartonaStatus.AssignedToSalesman, CartonaStatus.Approved, null)]
    [InlineData(CartonaStatus.Editing, CartonaStatus.Approved, null)]
    public void The_supplier_walk_toward_a_status(string from, string to, string? next)
    {
        Assert.Equal(next, CartonaStatusModel.Instance.NextStatusToward(from, to));
    }

    [Fact]
    public void Validation_holds_the_whole_order_when_one_line_is_bad()
    {
        var order = Order(details: [new OrderLine(1, "51", null, "Tea", 2, 10, null), new OrderLine(2, "904#2", null, "X", 1, 5, null),
            new OrderLine(3, "53", null, "Y", 1, 5, null), new OrderLine(4, "54", null, "Z", 0, 5, null)]);
        var problems = OrderValidation.Problems(order, new Dictionary<long, VariantAvailability>
        {
            [51] = new(51, true, true), [53] = new(53, false, true), [54] = new(54, true, true),
        });
        Assert.Equal(["invalid_internal_product_id", "variant_not_available", "invalid_amount"], problems.Select(p => p.Code));
        Assert.Equal([51L, 53, 54], OrderValidation.VariantIdsOf(order));
    }
}

public class OrderOtpGateSpecs
{
    private const string Id = "cartona/OTP1";

    [Fact]
    public void With_an_otp_cartona_is_told_delivered_first_and_the_erp_delivery_is_validated_after()
    {
        var order = CartonaTestOrders.Of("OTP1", null, CartonaStatus.Approved, CartonaStatus.DeliveredBySupplier, 100, 0, 100, 0,
            CartonaTestOrders.Retailer("R1", "Shop", null, null, null, null), [new OrderLine(1, "51", null, null, 1, 100, null)], "{}");
        var s = new IOrderEvent[]
        {
            new OrderVersionReceived(Id, 1, order, DateTimeOffset.UnixEpoch), new SaleOrderLinked(Id, 9, 1, new Dictionary<long, long> { [1] = 90 }),
            new ErpStatusApplied(Id, CartonaStatus.Approved), new OrderAcknowledged(Id, 1),
            new ErpOrderObserved(Id, "sale", false, [new ErpLine(90, 51, 1, 100)]),
        }.Aggregate(OrderState.Empty(Id), OrderRules.Apply);
        Assert.IsType<OrderStep.Nothing>(OrderRules.NextStep(s, OrderSyncPolicy.Default, CartonaStatusModel.Instance));

        s = OrderRules.Apply(s, new RetailerOtpGiven(Id, "4321"));
        var push = Assert.IsType<OrderStep.PushStatus>(OrderRules.NextStep(s, OrderSyncPolicy.Default, CartonaStatusModel.Instance));
        Assert.Equal(new OrderStatusUpdate(CartonaStatus.Delivered, "4321"), push.Update);

        // Wrong OTP: refused, nothing validated; a new OTP is tried again.
        var refused = OrderRules.Apply(s, new MarketplaceStatusRefused(Id, CartonaStatus.Approved, CartonaStatus.Delivered, "invalid_otp"));
        Assert.IsType<OrderStep.Nothing>(OrderRules.NextStep(refused, OrderSyncPolicy.Default, CartonaStatusModel.Instance));
        Assert.IsType<OrderStep.PushStatus>(OrderRules.NextStep(OrderRules.Apply(refused, new RetailerOtpGiven(Id, "1234")), OrderSyncPolicy.Default, CartonaStatusModel.Instance));

        s = OrderRules.Apply(s, new MarketplaceStatusPushed(Id, CartonaStatus.Delivered));
        Assert.Equal(new OrderStep.ValidateErpDelivery(CartonaStatus.Delivered), OrderRules.NextStep(s, OrderSyncPolicy.Default, CartonaStatusModel.Instance));
    }
}

public class OrderHoldSpecs
{
    private const string Id = "cartona/H1";

    private static MarketplaceOrder Order(string status) => CartonaTestOrders.Of("H1", null, status, CartonaStatus.DeliveredBySupplier, 0, 0, 0, 0,
        CartonaTestOrders.Retailer("R1", "Shop", null, null, null, null),
        [new OrderLine(1, "51", null, null, 2, 10, null), new OrderLine(2, "51", null, null, 1, 8, null), new OrderLine(3, "x", null, null, 1, 1, null)], "{}");

    [Fact]
    public void An_order_holds_its_quantities_until_the_erp_order_is_confirmed_or_it_is_cancelled()
    {
        var s = OrderRules.Apply(OrderState.Empty(Id), new OrderVersionReceived(Id, 1, Order(CartonaStatus.Pending), DateTimeOffset.UnixEpoch));
        Assert.Equal(new Dictionary<string, decimal> { ["51"] = 3 }, OrderRules.HeldQuantities(s, CartonaStatusModel.Instance));
        s = OrderRules.Apply(s, new SaleOrderLinked(Id, 9, 1, new Dictionary<long, long>()));
        Assert.Single(OrderRules.HeldQuantities(s, CartonaStatusModel.Instance));
        Assert.Empty(OrderRules.HeldQuantities(OrderRules.Apply(s, new ErpOrderObserved(Id, "sale", false, [])), CartonaStatusModel.Instance));
        Assert.Empty(OrderRules.HeldQuantities(OrderRules.Apply(s, new OrderVersionReceived(Id, 2, Order(CartonaStatus.CancelledByRetailer), DateTimeOffset.UnixEpoch)), CartonaStatusModel.Instance));
    }
}
