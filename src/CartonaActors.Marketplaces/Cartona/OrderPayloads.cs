using System.Text;
using System.Text.Json;
using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>Bodies of the order calls, in the shapes of Cartona's own module (cartona_odoo.md §1.2–1.4). Unset
/// optional values are left out rather than sent as null.</summary>
internal static class OrderPayloads
{
    /// <summary><c>{"hashed_id","status","retailer_otp"?,"cancellation_reason"?}</c>.</summary>
    public static string Status(string hashedId, OrderStatusUpdate update) =>
        Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("hashed_id", hashedId);
            w.WriteString("status", update.Status);
            if (update.DeliveryCode is not null) w.WriteString("retailer_otp", update.DeliveryCode);
            if (update.Reason is not null) w.WriteString("cancellation_reason", update.Reason);
            w.WriteEndObject();
        });

    /// <summary><c>[{"hashed_id","status":"synced"}…]</c>: the bulk status call, as acknowledgements.</summary>
    public static string Acknowledgements(IReadOnlyList<string> hashedIds) =>
        Write(w =>
        {
            w.WriteStartArray();
            foreach (var id in hashedIds)
            {
                w.WriteStartObject();
                w.WriteString("hashed_id", id);
                w.WriteString("status", CartonaStatus.Synced);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

    /// <summary><c>[{"hashed_id","order_details":[change…]}]</c>: one entry, as the module sends it.</summary>
    public static string Details(string hashedId, IReadOnlyList<OrderLineChange> changes) =>
        Write(w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("hashed_id", hashedId);
            w.WriteStartArray("order_details");
            foreach (var change in changes) WriteChange(w, change);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        });

    /// <summary>Why a change cannot be sent, or null when it can.</summary>
    public static string? Problem(OrderLineChange change) => change switch
    {
        { Cancelled: true, Id: null } => "cancelling a detail needs its id",
        { Id: null, ListingKey: null or "" } => "a change needs a detail id, or an internal_product_id to add a detail",
        _ => null,
    };

    private static void WriteChange(Utf8JsonWriter w, OrderLineChange change)
    {
        w.WriteStartObject();
        if (change.Cancelled)
        {
            w.WriteNumber("id", change.Id!.Value);
            w.WriteBoolean("cancelled", true);
            w.WriteEndObject();
            return;
        }
        if (change.Id is { } id) w.WriteNumber("id", id);
        else w.WriteString("internal_product_id", change.ListingKey);
        if (change.Quantity is { } amount) w.WriteNumber("amount", amount);
        if (change.Price is { } price) w.WriteNumber("price", price);
        if (change.Comment is not null) w.WriteString("comment", change.Comment);
        w.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
