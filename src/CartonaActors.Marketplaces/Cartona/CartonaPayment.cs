namespace CartonaActors.Marketplaces.Cartona;

/// <summary>How Cartona's module reads an order's payment and names its retailer in the ERP.</summary>
internal static class CartonaPayment
{
    /// <summary>installment / wallet_top_up / cartona_credit / standard, as the Cartona module derives it.</summary>
    public static string MethodOf(decimal installmentCost, decimal walletTopUp, decimal cartonaCredit) =>
        installmentCost > 0 ? "installment" : walletTopUp > 0 ? "wallet_top_up" : cartonaCredit > 0 ? "cartona_credit" : "standard";

    /// <summary>Cartona needs the retailer's OTP to mark these orders delivered.</summary>
    public static bool RequiresOtp(string paymentMethod) => paymentMethod is "installment" or "wallet_top_up";

    /// <summary>The ERP customer's external id, as Cartona's module writes it.</summary>
    public static string CustomerRef(string retailerCode) => "retailer_" + retailerCode;
}
