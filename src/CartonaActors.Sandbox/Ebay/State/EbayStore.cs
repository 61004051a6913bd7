namespace CartonaActors.Sandbox.Ebay.State;

/// <summary>The seller account's listings and orders behind one lock (<see cref="Gate"/>), which every reader and
/// writer takes, so a bulk call or a page is applied or read as a whole. Ids come from counters so runs repeat.</summary>
internal sealed class EbayStore(EbayEmulatorOptions options)
{
    public object Gate { get; } = new();
    public Dictionary<string, Listing> BySku { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Listing> ByOffer { get; } = new(StringComparer.Ordinal);

    /// <summary>Oldest first.</summary>
    public List<Order> Orders { get; } = [];

    private long _offer = 5_000_000_000, _order, _line = 10_000_000_000, _item = 110_000_000_000, _txn = 2_000_000_000_000, _fulfil, _cancel = 5_000_000_000, _listing = 120_000_000_000;

    public DateTimeOffset Now => options.Clock.GetUtcNow();

    public string NextOfferId() => (++_offer).ToString();

    /// <summary>The eBay listing (item) id a published offer gets: 12 digits, e.g. "120000000001".</summary>
    public string NextListingId() => (++_listing).ToString();

    /// <summary>eBay's order id format since 2019: "NN-NNNNN-NNNNN".</summary>
    public string NextOrderId()
    {
        var n = ++_order;
        return $"{12 + n / 10_000_000_000 % 88:00}-{n / 100_000 % 100_000:00000}-{n % 100_000:00000}";
    }

    public string NextLineItemId() => (++_line).ToString();
    public string NextItemId() => (++_item).ToString();
    public string NextTransactionId() => (++_txn).ToString();
    public string NextFulfillmentId() => $"FF{++_fulfil:0000000000}";
    public string NextCancelId() => (++_cancel).ToString();

    public Order? Find(string id) => Orders.Find(o => o.OrderId == id || o.LegacyOrderId == id);
}
