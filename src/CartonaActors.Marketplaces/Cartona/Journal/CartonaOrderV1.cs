using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Cartona.Journal;

// The shapes order events had before the platform seam, when the domain spoke Cartona. Journals hold them
// forever; they are read here and turned into the neutral types, never written again.

internal sealed record CartonaOrderV1(
    string HashedId, string? ReceiptId, string Status, string DeliveredBy, decimal TotalPrice, decimal CartonaCredit,
    decimal InstallmentCost, decimal WalletTopUp, CartonaRetailerV1 Retailer, List<CartonaOrderDetailV1> Details, string RawJson)
{
    public MarketplaceOrder ToNeutral()
    {
        var payment = CartonaPayment.MethodOf(InstallmentCost, WalletTopUp, CartonaCredit);
        return new MarketplaceOrder(HashedId, ReceiptId, Status, DeliveredBy == CartonaStatus.DeliveredByCartona, payment,
            CartonaPayment.RequiresOtp(payment), new OrderTotals(TotalPrice, null), Retailer.ToNeutral(),
            Details.Select(d => d.ToNeutral()).ToList(), "Cartona Order " + HashedId, RawJson);
    }
}

internal sealed record CartonaRetailerV1(string Code, string Name, string? Number, string? Number2, string? Email, string? Address)
{
    public MarketplaceCustomer ToNeutral() => new(CartonaPayment.CustomerRef(Code), Name, Number, Number2, Email, Address);
}

internal sealed record CartonaOrderDetailV1(
    long Id, string? InternalProductId, string? SupplierProductId, string? ProductName, decimal Amount, decimal SellingPrice, string? Comment)
{
    public OrderLine ToNeutral() => new(Id, InternalProductId, SupplierProductId, ProductName, Amount, SellingPrice, Comment);
}

internal sealed record OrderVersionReceivedV1(string OrderId, int Version, CartonaOrderV1 Order, DateTimeOffset At);

internal sealed record OrderLinesSettledV1(string OrderId, List<CartonaOrderDetailV1> Details, Dictionary<long, long> LineByDetail);

internal sealed record ErpStatusAppliedV1(string OrderId, string CartonaStatus);

internal sealed record CartonaLinesPushedV1(string OrderId, List<CartonaOrderDetailV1> Details, List<long> AddedErpLines);

internal sealed record OrderStateV1(
    string OrderId, int Version, CartonaOrderV1? Latest, string CartonaStatus, int AcknowledgedVersion, string? Hold, int HeldVersion,
    long? PartnerId, long? SaleOrderId, List<CartonaOrderDetailV1> SettledDetails, int SettledVersion, Dictionary<long, long> LineByDetail,
    string? ErpAppliedStatus, string? ErpState, bool ErpDeliveryDone, List<ErpLine> ErpLines, List<long> AddedErpLines,
    List<string> Flags, List<string> Refusals, string? RetailerOtp);
