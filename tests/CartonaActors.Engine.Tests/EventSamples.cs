using System.Collections.Immutable;
using CartonaActors.Domain.Erp;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Roster;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Engine.Tests;

/// <summary>One sample of every type the journal or snapshot store holds; its serialized form is frozen in Fixtures/events.</summary>
public static class EventSamples
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 12, 30, 0, TimeSpan.Zero);
    private static readonly ExternalProductRef Ref = new(ExternalIdKind.InternalProductId, "51");

    public static readonly IReadOnlyList<object> All =
    [
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
        new PushBatchDelivered("cartona", 1000, 1, true, At, [new RejectedProduct("sku-9", "product not found")]),
        new PushBatchFailed("cartona", "rate_limited", "429, retry after 1 s", 1000, At),
        new MarketplaceLedger(10, 9000, 3, 0, 2, At, "transient_failure: HTTP 503",
            [new SyncIssue(At, "item_rejected", "sku-9", "product not found")]),
        new ProductEnlisted("roster-007", "sku-1"),
        new ProductDischarged("roster-007", "sku-1"),
        new RosterSnapshot(["sku-1", "sku-2"]),
        new ErpCursorAdvanced("poller-stock.quant", new DateTime(2026, 11, 24, 12, 29, 59, 123, DateTimeKind.Utc)),
        new CatalogLoadStarted("catalog-load", 100_000, At),
        new CatalogPageLoaded("catalog-load", 1000, 1000, At),
        new CatalogLoadCompleted("catalog-load", At),
    ];
}
