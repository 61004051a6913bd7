namespace CartonaActors.Domain.Orders;

/// <summary>An order as Cartona's <c>order/pull-orders</c> returns it (the fields the sync uses), plus the raw
/// JSON it came from, which is kept verbatim.</summary>
public sealed record CartonaOrder(
    string HashedId,
    string? ReceiptId,
    string Status,
    string DeliveredBy,
    decimal TotalPrice,
    decimal CartonaCredit,
    decimal InstallmentCost,
    decimal WalletTopUp,
    CartonaRetailer Retailer,
    IReadOnlyList<CartonaOrderDetail> Details,
    string RawJson)
{
    /// <summary>installment / wallet_top_up / cartona_credit / standard, as the Cartona module derives it.</summary>
    public string PaymentMethod =>
        InstallmentCost > 0 ? "installment" : WalletTopUp > 0 ? "wallet_top_up" : CartonaCredit > 0 ? "cartona_credit" : "standard";

    /// <summary>Cartona needs the retailer's OTP to mark these orders delivered.</summary>
    public bool RequiresOtp => PaymentMethod is "installment" or "wallet_top_up";
}

public sealed record CartonaRetailer(string Code, string Name, string? Number, string? Number2, string? Email, string? Address);

/// <param name="Id">Cartona's order-detail id.</param>
/// <param name="InternalProductId">The supplier's product id on Cartona (the Odoo variant id).</param>
public sealed record CartonaOrderDetail(
    long Id,
    string? InternalProductId,
    string? SupplierProductId,
    string? ProductName,
    decimal Amount,
    decimal SellingPrice,
    string? Comment);

/// <summary>One pulled order that could not even be read, with the reason (the pull goes on without it).</summary>
public sealed record UnreadableOrder(string? HashedId, string Reason, string RawJson);
