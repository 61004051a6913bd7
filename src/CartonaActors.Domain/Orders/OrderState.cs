using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Orders;

/// <summary>
/// Everything one order entity knows, folded from its events. Also its snapshot.
/// <see cref="SettledLines"/> are the lines the marketplace and the ERP last agreed on: a newer marketplace
/// version with other lines is the buyer's edit, ERP lines that differ from them are the seller's edit.
/// </summary>
/// <param name="RetailerOtp">The buyer's delivery code an operator gave, held in memory only: never written to a
/// snapshot or sent to another node. Lost with the entity (restart, idle unload) before the marketplace took it,
/// it is asked for again.</param>
public sealed record OrderState(
    string OrderId,
    int Version,
    MarketplaceOrder? Latest,
    string MarketplaceStatus,
    int AcknowledgedVersion,
    string? Hold,
    int HeldVersion,
    long? PartnerId,
    long? SaleOrderId,
    ImmutableList<OrderLine> SettledLines,
    int SettledVersion,
    ImmutableSortedDictionary<long, long> LineByDetail,
    string? ErpAppliedStatus,
    string? ErpState,
    bool ErpDeliveryDone,
    ImmutableList<ErpLine> ErpLines,
    ImmutableList<long> AddedErpLines,
    ImmutableList<string> Flags,
    ImmutableList<string> Refusals,
    [property: JsonIgnore] string? RetailerOtp) : IWireSerializable
{
    public static OrderState Empty(string orderId) => new(orderId, 0, null, "", 0, null, 0, null, null, [], 0,
        ImmutableSortedDictionary<long, long>.Empty, null, null, false, [], [], [], [], null);

    public string ConnectionId => ConnectionOf(OrderId)!;

    /// <summary>The status of the latest version the marketplace itself sent (not counting our own pushes).</summary>
    public string ReceivedStatus => Latest?.Status ?? "";

    public static string IdOf(string connectionId, string marketplaceOrderId) => connectionId + "/" + marketplaceOrderId;

    /// <summary>The connection part of an order id (<c>&lt;connection&gt;/&lt;marketplace order id&gt;</c>), or null if it is not one.</summary>
    public static string? ConnectionOf(string? orderId) =>
        orderId?.IndexOf('/') is > 0 and var slash ? orderId[..slash] : null;
}
