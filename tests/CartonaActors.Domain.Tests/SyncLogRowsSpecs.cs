using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Domain.Sync;
using CartonaActors.Domain.SyncLog;

namespace CartonaActors.Domain.Tests;

public class SyncLogRowsSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Journaled = T0.AddSeconds(5);

    private static SyncLogRow Single(object evt) => Assert.Single(SyncLogRows.Of(evt, Journaled));

    [Fact]
    public void A_delivered_batch_is_one_info_row_counting_the_items_it_sent()
    {
        var row = Single(new PushBatchDelivered("cartona", 40, 2, true, T0, [new RejectedProduct("sku-1", "bad price")]));
        Assert.Equal(new SyncLogRow(T0, "info", "push_delivered", "cartona", null, null, "partly_refused",
            "bulk call of 40 items delivered, 2 refused", 40), row);
    }

    [Theory]
    [InlineData("authentication_failed", "error")]
    [InlineData("server_error", "error")]
    [InlineData("rate_limited", "warning")]
    public void A_failed_call_is_an_error_unless_the_platform_only_asked_to_slow_down(string kind, string level)
    {
        var row = Single(new PushBatchFailed("shop", kind, "HTTP 401", 12, T0));
        Assert.Equal(new SyncLogRow(T0, level, "push_failed", "shop", null, null, kind, "bulk call of 12 items failed: HTTP 401"), row);
    }

    [Fact]
    public void A_slice_write_is_one_confirmation_row_and_one_row_per_refused_product_with_its_reason()
    {
        var confirmed = Enumerable.Range(1, 7).Select(i => new ConfirmedPush($"sku-{i}", 3, null)).ToList();
        var rows = SyncLogRows.Of(new PushSliceUpdated("cartona#004", confirmed,
            [new RefusedPush("sku-9", 4, "price below cost"), new RefusedPush("sku-10", 2, "unknown product")], []), Journaled);
        Assert.Equal(
        [
            new SyncLogRow(Journaled, "info", "push_confirmed", "cartona", null, null, "confirmed",
                "7 products confirmed: sku-1, sku-2, sku-3, sku-4, sku-5 and 2 more"),
            new SyncLogRow(Journaled, "warning", "push_refused", "cartona", "sku-9", null, "refused", "version 4 refused: price below cost"),
            new SyncLogRow(Journaled, "warning", "push_refused", "cartona", "sku-10", null, "refused", "version 2 refused: unknown product"),
        ], rows);
    }

    [Fact]
    public void A_confirmation_of_one_product_names_it_and_a_write_of_wanted_values_only_makes_no_row()
    {
        Assert.Equal("sku-1", Single(new PushSliceUpdated("a#b#001", [new ConfirmedPush("sku-1", 1, null)], [], [])).ProductId);
        Assert.Equal("a#b", Single(new PushSliceUpdated("a#b#001", [new ConfirmedPush("sku-1", 1, null)], [], [])).Connection);
        Assert.Empty(SyncLogRows.Of(new PushSliceUpdated("cartona#001", [], [], [new WantedPush("sku-1", 2, null, null)]), Journaled));
    }

    [Fact]
    public void Order_facts_carry_the_order_and_its_connection()
    {
        const string order = "cartona/GMNvpbLM";
        Assert.Equal(new SyncLogRow(Journaled, "info", "order_imported", "cartona", null, order, "imported", "ERP sale order 70 holds version 1"),
            Single(new SaleOrderLinked(order, 70, 1, new Dictionary<long, long>())));
        Assert.Equal(new SyncLogRow(Journaled, "warning", "order_held", "cartona", null, order, "held", "version 2: variant_not_found"),
            Single(new OrderHeld(order, 2, "variant_not_found")));
        Assert.Equal(("status_to_erp", "cancelled"), (Single(new ErpStatusApplied(order, "cancelled")) is var a ? (a.Kind, a.Outcome) : default));
        Assert.Equal(("status_to_marketplace", "delivered"), (Single(new MarketplaceStatusPushed(order, "delivered")) is var p ? (p.Kind, p.Outcome) : default));
        var refused = Single(new MarketplaceStatusRefused(order, "pending", "delivered", "not allowed"));
        Assert.Equal(("warning", "order_status_refused", "pending -> delivered not sent: not allowed"), (refused.Level, refused.Kind, refused.Message));
        Assert.Equal("needs_attention", Single(new OrderFlagged(order, "apply by hand")).Outcome);
    }

    [Fact]
    public void A_quantity_held_for_an_order_names_the_product_the_order_and_the_connection()
    {
        Assert.Equal(new SyncLogRow(Journaled, "info", "quantity_held", "cartona", "sku-1", "cartona/A1", "held", "3 held for the order until the ERP reserves it"),
            Single(new OrderQuantityHeld("sku-1", "cartona/A1", "cartona", 3, 9)));
        Assert.Equal(("quantity_released", "cartona"), Single(new OrderQuantityReleased("sku-1", "cartona/A1", 10)) is var r ? (r.Kind, r.Connection) : default);
    }

    [Fact]
    public void An_order_pull_with_nothing_new_makes_no_row_and_unreadable_orders_make_a_warning()
    {
        Assert.Empty(SyncLogRows.Of(new OrdersPulled("cartona", 0, 0, T0), Journaled));
        Assert.Equal(new SyncLogRow(T0, "warning", "orders_pulled", "cartona", null, null, "partly_unreadable", "3 orders pulled, 1 unreadable"),
            Single(new OrdersPulled("cartona", 3, 1, T0)));
    }

    [Fact]
    public void Refused_input_keeps_its_own_time_subject_and_reason()
    {
        Assert.Equal(new SyncLogRow(T0, "warning", "input_refused", null, "sku-bad", null, "refused", "malformed JSON"),
            Single(new InputRefused("sku-bad", "malformed JSON", T0)));
    }

    [Fact]
    public void A_read_back_drift_is_a_warning_per_product()
    {
        var rows = SyncLogRows.Of(new PushesDrifted("cartona#002", [new DriftedPush("sku-1", 4, null), new DriftedPush("sku-2", 5, new PushedValues(1, null, 2))], T0), Journaled);
        Assert.Equal(["missing", "drifted"], rows.Select(r => r.Outcome));
        Assert.All(rows, r => Assert.Equal(("warning", "read_back_drift", "cartona"), (r.Level, r.Kind, r.Connection!)));
    }

    [Fact]
    public void Every_source_makes_rows_and_other_events_make_none()
    {
        Assert.Empty(SyncLogRows.Of(new PriceSet("sku-1", 10, 1), Journaled));
        Assert.Empty(SyncLogRows.Of(new OrderCustomerLinked("cartona/A1", 4), Journaled));
        Assert.Equal(SyncLogRows.Sources.Count, SyncLogRows.Sources.Distinct().Count());
    }
}
