using CartonaActors.Domain.Erp;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Domain.ReadBack;
using CartonaActors.Domain.Roster;
using CartonaActors.Domain.Sync;
using CartonaActors.Domain.SyncLog;

namespace CartonaActors.Engine.Serialization;

/// <summary>
/// The one list binding each serializable type to its manifest. A manifest is never renamed or reused:
/// journals hold it forever. Change a persisted shape by adding a "-v2" type and an upcaster.
/// </summary>
public static class Manifests
{
    public static readonly IReadOnlyDictionary<Type, string> ByType = new Dictionary<Type, string>
    {
        // product events and snapshot (persisted); the per-field events are only read from older journals
        [typeof(ProductUpdated)] = "product-updated-v1",
        [typeof(PriceSet)] = "product-price-set-v1",
        [typeof(StockSet)] = "product-stock-set-v1",
        [typeof(UnlimitedStockSet)] = "product-unlimited-stock-set-v1",
        [typeof(ListingLinked)] = "product-listing-linked-v1",
        [typeof(ListingUnlinked)] = "product-listing-unlinked-v1",
        [typeof(PushAcknowledged)] = "product-push-acknowledged-v1",
        [typeof(PushRejected)] = "product-push-rejected-v1",
        [typeof(OrderQuantityHeld)] = "product-order-quantity-held-v1",
        [typeof(OrderQuantityReleased)] = "product-order-quantity-released-v1",
        [typeof(ProductState)] = "product-state-v1",
        [typeof(ProductAdopted)] = "product-adopted-v1",
        // product range events and snapshot (persisted)
        [typeof(ProductRangeUpdated)] = "product-range-updated-v1",
        [typeof(ProductsAdopted)] = "product-range-adopted-v1",
        [typeof(ProductRangeSnapshot)] = "product-range-snapshot-v1",
        // marketplace events and snapshot (persisted)
        [typeof(PushBatchDelivered)] = "marketplace-batch-delivered-v1",
        [typeof(PushBatchFailed)] = "marketplace-batch-failed-v1",
        [typeof(MarketplaceLedger)] = "marketplace-ledger-v1",
        [typeof(ListingsReadBack)] = "marketplace-listings-read-back-v1",
        [typeof(ConnectionPaused)] = "marketplace-connection-paused-v1",
        [typeof(ConnectionResumed)] = "marketplace-connection-resumed-v1",
        // push slice events and snapshot, the product change follower's position (persisted)
        [typeof(PushSliceUpdated)] = "push-slice-updated-v1",
        [typeof(PushSliceResyncRequested)] = "push-slice-resync-requested-v1",
        [typeof(PushSliceSnapshot)] = "push-slice-snapshot-v1",
        [typeof(PushesDrifted)] = "push-slice-drifted-v1",
        [typeof(ProductFollowerOffset)] = "product-follower-offset-v1",
        // product roster events and snapshot (persisted; only read since push slices)
        [typeof(ProductEnlisted)] = "roster-product-enlisted-v1",
        [typeof(ProductDischarged)] = "roster-product-discharged-v1",
        [typeof(RosterSnapshot)] = "roster-snapshot-v1",
        // ERP connector events (persisted)
        [typeof(ErpCursorAdvanced)] = "erp-cursor-advanced-v1",
        [typeof(CatalogLoadStarted)] = "erp-catalog-load-started-v1",
        [typeof(CatalogPageLoaded)] = "erp-catalog-page-loaded-v1",
        [typeof(CatalogLoadCompleted)] = "erp-catalog-load-completed-v1",
        // order and customer events and snapshot (persisted)
        // -v2: the neutral order shapes; their -v1 manifests (one platform's shapes) are read by that platform's readers
        [typeof(OrderVersionReceived)] = "order-version-received-v2",
        [typeof(OrderHeld)] = "order-held-v1",
        [typeof(OrderCustomerLinked)] = "order-customer-linked-v1",
        [typeof(SaleOrderLinked)] = "order-sale-order-linked-v1",
        [typeof(OrderLinesSettled)] = "order-lines-settled-v2",
        [typeof(ErpStatusApplied)] = "order-erp-status-applied-v2",
        [typeof(OrderAcknowledged)] = "order-acknowledged-v1",
        [typeof(ErpOrderObserved)] = "order-erp-observed-v1",
        [typeof(MarketplaceStatusPushed)] = "order-marketplace-status-pushed-v2",
        [typeof(MarketplaceStatusRefused)] = "order-marketplace-status-refused-v2",
        [typeof(MarketplaceLinesPushed)] = "order-marketplace-lines-pushed-v2",
        [typeof(OrderFlagged)] = "order-flagged-v1",
        [typeof(RetailerOtpGiven)] = "order-retailer-otp-given-v1", // only read: the code is no longer journaled
        [typeof(DeliveryCodeGiven)] = "order-delivery-code-given-v1",
        [typeof(OrderState)] = "order-state-v2",
        [typeof(CustomerPartnerLinked)] = "customer-partner-linked-v1",
        [typeof(OrdersPulled)] = "marketplace-orders-pulled-v1",
        [typeof(OrderCursorAdvanced)] = "marketplace-order-cursor-advanced-v1",
        // refused input, journaled for the sync log (persisted), and the sync log projection's messages
        [typeof(InputRefused)] = "sync-log-input-refused-v1",
        [typeof(StartSyncLogProjection)] = "sync-log-start-projection-v1",
        [typeof(GetSyncLogProjection)] = "sync-log-get-projection-v1",
        [typeof(SyncLogProjectionStatus)] = "sync-log-projection-status-v1",
        // messages between nodes
        [typeof(UpdateProduct)] = "product-update-v1",
        [typeof(ProductUpdateResult)] = "product-update-result-v1",
        [typeof(GetProduct)] = "product-get-v1",
        [typeof(UpdateRangeProducts)] = "product-range-update-v1",
        [typeof(RangeProductsUpdated)] = "product-range-update-result-v1",
        [typeof(AdoptProduct)] = "product-range-adopt-v1",
        [typeof(ProductBaseline)] = "product-range-baseline-v1",
        [typeof(EnsureRangeOffered)] = "product-range-ensure-offered-v1",
        [typeof(OfferPush)] = "push-slice-offer-v1",
        [typeof(PushOfferStored)] = "product-offer-stored-v1",
        [typeof(TakePushes)] = "push-slice-take-v1",
        [typeof(PushesTaken)] = "push-slice-taken-v1",
        [typeof(PushesWaiting)] = "marketplace-pushes-waiting-v1",
        [typeof(SettlePushes)] = "push-slice-settle-v1",
        [typeof(ReleaseHandedPushes)] = "push-slice-release-handed-v1",
        [typeof(ResyncPushSlice)] = "push-slice-resync-v1",
        [typeof(PushSliceResyncStarted)] = "push-slice-resync-started-v1",
        [typeof(StartPushSlice)] = "push-slice-start-v1",
        [typeof(GetPushEntry)] = "push-slice-get-entry-v1",
        [typeof(PushEntryView)] = "push-slice-entry-v1",
        [typeof(EnsureOffered)] = "product-ensure-offered-v1",
        [typeof(ProductOffered)] = "product-offered-v1",
        [typeof(StartProductFollower)] = "product-follower-start-v1",
        [typeof(GetFollowerPosition)] = "product-follower-get-position-v1",
        [typeof(FollowerPosition)] = "product-follower-position-v1",
        [typeof(CompareListings)] = "push-slice-compare-listings-v1",
        [typeof(FinishReadBack)] = "push-slice-finish-read-back-v1",
        [typeof(ReadBackFinished)] = "push-slice-read-back-finished-v1",
        [typeof(StartSyncAll)] = "marketplace-start-sync-all-v1",
        [typeof(SyncAllAccepted)] = "marketplace-sync-all-accepted-v1",
        [typeof(GetMarketplaceStatus)] = "marketplace-get-status-v1",
        [typeof(PauseConnection)] = "marketplace-pause-v1",
        [typeof(ResumeConnection)] = "marketplace-resume-v1",
        [typeof(MarketplaceStatus)] = "marketplace-status-v1",
        [typeof(HoldOrderQuantity)] = "product-hold-order-quantity-v1",
        [typeof(ReleaseOrderQuantity)] = "product-release-order-quantity-v1",
        [typeof(PollNow)] = "erp-poll-now-v1",
        [typeof(GetPollerStatus)] = "erp-get-poller-status-v1",
        [typeof(PollerStatus)] = "erp-poller-status-v1",
        [typeof(StartCatalogLoad)] = "erp-start-catalog-load-v1",
        [typeof(GetCatalogLoadProgress)] = "erp-get-catalog-load-progress-v1",
        [typeof(CatalogLoadProgress)] = "erp-catalog-load-progress-v1",
        [typeof(ReceiveMarketplaceOrder)] = "order-receive-v2",
        [typeof(OrderVersionStored)] = "order-version-stored-v1",
        [typeof(ErpOrderChanged)] = "order-erp-changed-v1",
        [typeof(DeliverWithOtp)] = "order-deliver-with-otp-v1",
        [typeof(GetOrder)] = "order-get-v1",
        [typeof(RetryOrder)] = "order-retry-v1",
        [typeof(OrderCallRequest)] = "marketplace-order-call-v2",
        [typeof(OrderCallResult)] = "order-call-result-v1",
        [typeof(PullOrdersNow)] = "marketplace-pull-orders-v1",
        [typeof(EnsureCustomer)] = "customer-ensure-v2",
        [typeof(CustomerEnsured)] = "customer-ensured-v1",
        [typeof(CustomerNotEnsured)] = "customer-not-ensured-v1",
    };

    public static readonly IReadOnlyDictionary<string, Type> ByManifest =
        ByType.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>Types that are written to the journal or snapshot store; each has a fixture in the tests.</summary>
    public static IEnumerable<Type> Persisted => ByType.Keys.Where(t =>
        typeof(IProductEvent).IsAssignableFrom(t) || typeof(IProductRangeEvent).IsAssignableFrom(t) || t == typeof(ProductRangeSnapshot)
        || typeof(IMarketplaceEvent).IsAssignableFrom(t)
        || typeof(IRosterEvent).IsAssignableFrom(t)
        || typeof(IOrderEvent).IsAssignableFrom(t) || t == typeof(OrderState) || t == typeof(CustomerPartnerLinked) || t == typeof(OrdersPulled) || t == typeof(OrderCursorAdvanced)
        || t == typeof(ErpCursorAdvanced) || t == typeof(CatalogLoadStarted) || t == typeof(CatalogPageLoaded) || t == typeof(CatalogLoadCompleted)
        || t == typeof(ProductState) || t == typeof(MarketplaceLedger) || t == typeof(RosterSnapshot)
        || t == typeof(PushSliceUpdated) || t == typeof(PushSliceResyncRequested) || t == typeof(PushesDrifted) || t == typeof(PushSliceSnapshot) || t == typeof(ProductFollowerOffset)
        || t == typeof(InputRefused));
}
