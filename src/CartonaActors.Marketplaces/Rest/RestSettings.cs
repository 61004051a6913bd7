namespace CartonaActors.Marketplaces.Rest;

/// <summary>A generic REST marketplace's own keys (<c>Connections:N:Settings</c>): where its endpoints are, relative
/// to <c>BaseUrl</c> (<c>{id}</c> stands for the order id), and how it is written to.</summary>
public sealed class RestSettings
{
    public string InventoryPath { get; set; } = "v1/inventory:batch";
    public string PricesPath { get; set; } = "v1/prices:batch";
    public string OrdersPath { get; set; } = "v1/orders";
    public string OrderStatusPath { get; set; } = "v1/orders/{id}/status";

    /// <summary>ISO 4217 code sent with prices; empty: the marketplace's own.</summary>
    public string? Currency { get; set; }

    /// <summary>What an unlimited-stock product is shown as (the contract has no unlimited flag).</summary>
    public int UnlimitedQuantity { get; set; } = 9999;

    /// <summary>Prefix of the ERP customer's external id; the marketplace's customer id follows it. Default
    /// <c>retailer_&lt;connection&gt;_</c>, so two marketplaces' customer ids never meet in the ERP.</summary>
    public string? CustomerRefPrefix { get; set; }
}
