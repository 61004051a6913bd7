using CartonaActors.Sandbox.Ebay.Limits;

namespace CartonaActors.Sandbox.Ebay.State;

/// <summary>An inventory item with its one published offer (and the eBay listing that offer published), and the
/// offer's revision history per calendar day (only today's count matters, so only the last day's count is kept).</summary>
internal sealed class Listing(string sku, string offerId, string listingId, decimal price, int quantity)
{
    public string Sku { get; } = sku;
    public string OfferId { get; } = offerId;
    public string ListingId { get; } = listingId;
    public decimal Price { get; set; } = price;
    public int Quantity { get; set; } = quantity;
    public int RevisionsTotal { get; private set; }
    private DateOnly _day;
    private int _revisionsThatDay;

    public int RevisionsOn(DateOnly day) => day == _day ? _revisionsThatDay : 0;

    public void Revise(DateOnly day)
    {
        if (day != _day)
        {
            _day = day;
            _revisionsThatDay = 0;
        }
        _revisionsThatDay++;
        RevisionsTotal++;
    }

    public EbayListing Snapshot(EbayEmulatorOptions options) =>
        new(Sku, OfferId, Price, Quantity, RevisionsOn(CalendarDay.Of(options.Clock.GetUtcNow(), options.RevisionDayZone)), RevisionsTotal);
}
