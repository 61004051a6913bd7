using CartonaActors.Domain.Orders;
using CartonaActors.Marketplaces.Cartona;

namespace CartonaActors.Marketplaces.Tests.Cartona;

/// <summary>Cartona orders for specs, in the neutral shape the Cartona reader produces.</summary>
internal static class CartonaTestOrders
{
    public static MarketplaceOrder Of(string hashedId, string? receiptId, string status, string deliveredBy, decimal total, decimal credit,
        decimal installment, decimal walletTopUp, MarketplaceCustomer retailer, IReadOnlyList<OrderLine> lines, string raw)
    {
        var payment = installment > 0 ? "installment" : walletTopUp > 0 ? "wallet_top_up" : credit > 0 ? "cartona_credit" : "standard";
        return new MarketplaceOrder(hashedId, receiptId, status, deliveredBy == CartonaStatus.DeliveredByCartona, payment,
            payment is "installment" or "wallet_top_up", new OrderTotals(total, null), retailer, lines, "Cartona Order " + hashedId, raw);
    }

    public static MarketplaceCustomer Retailer(string code, string name, string? number, string? number2, string? email, string? address) =>
        new("retailer_" + code, name, number, number2, email, address);
}
