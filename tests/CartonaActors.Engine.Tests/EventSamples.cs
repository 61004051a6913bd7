using System.Collections.Immutable;
using CartonaActors.Domain.Erp;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Domain.ReadBack;
using CartonaActors.Domain.Roster;
using CartonaActors.Domain.Sync;
using CartonaActors.Domain.SyncLog;

namespace CartonaActors.Engine.Tests;

/// <summary>One sample of every type the journal or snapshot store holds; its serialized form is frozen in Fixtures/events.</summary>
public static class EventSamples
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 12, 30, 0, TimeSpan.Zero);
    private static readonly ListingRef Ref = new("InternalProductId", "51");

    /// <summary>The order the -v1 fixtures hold (in Cartona's shape), as the neutral type reads it.</summary>
    public static readonly MarketplaceOrder Order = new("GMNvpbLM", "R-77", "pending", false, "installment", true,
        new OrderTotals(3040, null),
        new MarketplaceCustomer("retailer_A00315", "Hayah Market", "+201066313459", "+2000061774", null, "Cairo"),
        [new OrderLine(11973734, "904", "110774", "Tea 1kg", 10, 200, null)],
        "Cartona Order GMNvpbLM",
        "{\"hashed_id\":\"GMNvpbLM\",\"status\":\"pending\"}");

    public const string OrderId = "cartona/GMNvpbLM";
    public static readonly DateTimeOffset Time = At;

    /// <summary>What each -v1 order fixture (Cartona's shapes, before the platform seam) must read as today.</summary>
    public static readonly IReadOnlyDictionary<string, object> LegacyOrderEvents = new Dictionary<string, object>
    {
        ["order-version-received-v1"] = new OrderVersionReceived(OrderId, 1, Order, At),
        ["order-lines-settled-v1"] = new OrderLinesSettled(OrderId, Order.Lines, new Dictionary<long, long> { [11973734] = 701 }),
        ["order-erp-status-applied-v1"] = new ErpStatusApplied(OrderId, "approved"),
        ["order-cartona-status-pushed-v1"] = new MarketplaceStatusPushed(OrderId, "approved"),
        ["order-cartona-status-refused-v1"] = new MarketplaceStatusRefused(OrderId, "pending", "delivered", "Cartona does not allow a supplier to move an order from pending to delivered"),
        ["order-cartona-lines-pushed-v1"] = new MarketplaceLinesPushed(OrderId, Order.Lines, [702]),
        ["order-state-v1"] = new[] { new OrderVersionReceived(OrderId, 1, Order, At), (IOrderEvent)new SaleOrderLinked(OrderId, 70, 1, new Dictionary<long, long> { [11973734] = 700 }) }
            .Aggregate(OrderState.Empty(OrderId), OrderRules.Apply),
    };

    public static readonly IReadOnlyList<object> All =
    [
        new OrderVersionReceived(OrderId, 1, Order, At),
        new OrderHeld(OrderId, 1, "variant_not_found: detail #11973734: no Odoo variant 904"),
        new OrderCustomerLinked(OrderId, 42),
        new SaleOrderLinked(OrderId, 70, 1, new Dictionary<long, long> { [11973734] = 700 }),
        new OrderLinesSettled(OrderId, Order.Lines, new Dictionary<long, long> { [11973734] = 701 }),
        new ErpStatusApplied(OrderId, "approved"),
        new OrderAcknowledged(OrderId, 1),
        new ErpOrderObserved(OrderId, "sale", false, [new ErpLine(700, 904, 10, 200)]),
        new MarketplaceStatusPushed(OrderId, "approved"),
        new MarketplaceStatusRefused(OrderId, "pending", "delivered", "Cartona does not allow a supplier to move an order from pending to delivered"),
        new MarketplaceLinesPushed(OrderId, Order.Lines, [702]),
        new OrderFlagged(OrderId, "the retailer changed the lines on Cartona, but the ERP order is sale: apply the change by hand"),
        new RetailerOtpGiven(OrderId, "123456"),
        new DeliveryCodeGiven(OrderId),
        new[] { new OrderVersionReceived(OrderId, 1, Order, At), (IOrderEvent)new SaleOrderLinked(OrderId, 70, 1, new Dictionary<long, long> { [11973734] = 700 }) }
            .Aggregate(OrderState.Empty(OrderId), OrderRules.Apply),
        new CustomerPartnerLinked("retailer_A00315", 42, "Hayah Market\u001f+201066313459"),
        new OrdersPulled("cartona", 100, 1, At),
        new OrderCursorAdvanced("rest", At),
        new OrderQuantityHeld("904", OrderId, "cartona", 10, 8),
        new OrderQuantityReleased("904", OrderId, 9),
        new ProductUpdated("sku-1", 7, 12.5m, false, new Dictionary<string, decimal> { ["WH1"] = 40m, ["WH2"] = -3.5m },
            [new ListingRequest("cartona", Ref)], ["shopify"]),
        new PriceSet("sku-1", 12.5m, 3),
        new StockSet("sku-1", "WH1", 40m, 4),
        new UnlimitedStockSet("sku-1", true, 5),
        new ListingLinked("sku-1", "cartona", Ref, 1),
        new ListingUnlinked("sku-1", "cartona", 6),
        new PushAcknowledged("sku-1", "cartona", 4, new PushedValues(12.5m, false, 40)),
        new PushRejected("sku-1", "cartona", 4, "product not found"),
        new ProductState("sku-1", 4, 12.5m, false,
            ImmutableSortedDictionary<string, decimal>.Empty.Add("WH1", 40m),
            ImmutableSortedDictionary<string, Listing>.Empty.Add("cartona",
                new Listing("cartona", Ref, new PushedValues(12.5m, false, 40), 4, null, 0))),
        new ProductAdopted("1904", 2, new ProductState("1904", 2, 9.5m, null,
            ImmutableSortedDictionary<string, decimal>.Empty.Add("WH1", 12m),
            ImmutableSortedDictionary<string, Listing>.Empty.Add("cartona", new Listing("cartona", Ref, null, 0, null, 0)),
            null, At)),
        new ProductRangeUpdated("range-1", [new ProductUpdated("1904", 2, 9.5m, null, new Dictionary<string, decimal> { ["WH1"] = 12m },
            [new ListingRequest("cartona", Ref)], null, At)]),
        new ProductsAdopted("range-1", ["1904", "1905"]),
        new ProductRangeSnapshot("range-1", [new ProductState("1904", 2, 9.5m, null,
            ImmutableSortedDictionary<string, decimal>.Empty.Add("WH1", 12m),
            ImmutableSortedDictionary<string, Listing>.Empty.Add("cartona", new Listing("cartona", Ref, null, 0, null, 0)),
            null, At)], ["1905"]),
        new PushBatchDelivered("cartona", 1000, 1, true, At, [new RejectedProduct("sku-9", "product not found")]),
        new PushBatchFailed("cartona", "rate_limited", "429, retry after 1 s", 1000, At),
        new ConnectionPaused("cartona", "price review", At),
        new ConnectionResumed("cartona", At.AddMinutes(5)),
        new MarketplaceLedger(10, 9000, 3, 0, 2, At, 0, null, "transient_failure: HTTP 503",
            [new SyncIssue(At, "item_rejected", "sku-9", "product not found")]),
        new PushSliceUpdated("cartona#007",
            [new ConfirmedPush("sku-1", 4, null), new ConfirmedPush("sku-2", 2, new PushedValues(9m, false, 3))],
            [new RefusedPush("sku-9", 1, "product not found")],
            [new WantedPush("sku-1", 5, Ref, new PushedValues(13m, false, 38)), new WantedPush("sku-3", 2, null, null)]),
        new PushSliceResyncRequested("cartona#007", 3, At),
        new PushesDrifted("cartona#007", [new DriftedPush("sku-1", 4, new PushedValues(12.5m, false, 0, Published: false)), new DriftedPush("sku-2", 2, null)], At),
        new ListingsReadBack("cartona", 10, 9_500, 9_000, 3, 1, 0, At, At.AddMinutes(2)),
        new PushSliceSnapshot([new PushSliceRow("sku-1", Ref, 5, new PushedValues(13m, false, 38), 4, new PushedValues(12.5m, false, 40), 0, null)]),
        new ProductFollowerOffset(123_456),
        new InputRefused("sku-bad", "malformed JSON: expected a value at line 1, position 12", At),
        new ProductEnlisted("roster-007", "sku-1"),
        new ProductDischarged("roster-007", "sku-1"),
        new RosterSnapshot(["sku-1", "sku-2"]),
        new ErpCursorAdvanced("poller-stock.quant", new DateTime(2026, 11, 24, 12, 29, 59, 123, DateTimeKind.Utc)),
        new CatalogLoadStarted("catalog-load", 100_000, At),
        new CatalogPageLoaded("catalog-load", 1000, 1000, At),
        new CatalogLoadCompleted("catalog-load", At),
    ];
}
