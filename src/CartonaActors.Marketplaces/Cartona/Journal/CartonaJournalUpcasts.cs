using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Cartona.Journal;

/// <summary>
/// Reads the order events and snapshots journaled before the platform seam (manifests ending in <c>-v1</c>
/// whose payloads carry Cartona's order shape) into today's neutral types. The manifests are never written
/// again; the neutral types are journaled under <c>-v2</c>.
/// </summary>
internal static class CartonaJournalUpcasts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly IReadOnlyDictionary<string, Func<byte[], object>> Readers = new Dictionary<string, Func<byte[], object>>(StringComparer.Ordinal)
    {
        ["order-version-received-v1"] = b => Read<OrderVersionReceivedV1>(b) is var e
            ? new OrderVersionReceived(e.OrderId, e.Version, e.Order.ToNeutral(), e.At) : null!,
        ["order-lines-settled-v1"] = b => Read<OrderLinesSettledV1>(b) is var e
            ? new OrderLinesSettled(e.OrderId, e.Details.Select(d => d.ToNeutral()).ToList(), e.LineByDetail) : null!,
        ["order-erp-status-applied-v1"] = b => Read<ErpStatusAppliedV1>(b) is var e ? new ErpStatusApplied(e.OrderId, e.CartonaStatus) : null!,
        ["order-cartona-status-pushed-v1"] = b => Read<MarketplaceStatusPushed>(b),
        ["order-cartona-status-refused-v1"] = b => Read<MarketplaceStatusRefused>(b),
        ["order-cartona-lines-pushed-v1"] = b => Read<CartonaLinesPushedV1>(b) is var e
            ? new MarketplaceLinesPushed(e.OrderId, e.Details.Select(d => d.ToNeutral()).ToList(), e.AddedErpLines) : null!,
        ["order-state-v1"] = b => State(Read<OrderStateV1>(b)),
    };

    private static OrderState State(OrderStateV1 s) => new(
        s.OrderId, s.Version, s.Latest?.ToNeutral(), s.CartonaStatus, s.AcknowledgedVersion, s.Hold, s.HeldVersion, s.PartnerId,
        s.SaleOrderId, [.. s.SettledDetails.Select(d => d.ToNeutral())], s.SettledVersion, s.LineByDetail.ToImmutableSortedDictionary(),
        s.ErpAppliedStatus, s.ErpState, s.ErpDeliveryDone, [.. s.ErpLines], [.. s.AddedErpLines], [.. s.Flags], [.. s.Refusals], s.RetailerOtp);

    private static T Read<T>(byte[] bytes) =>
        JsonSerializer.Deserialize<T>(bytes, Json) ?? throw new JsonException($"an empty {typeof(T).Name}");
}
