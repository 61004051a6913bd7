using System.Text.Json;

namespace CartonaActors.Sandbox.Rest;

/// <summary>One order in the contract's shape, as both the feed and the status endpoint return it.</summary>
internal static class RestOrderJson
{
    public static void Write(Utf8JsonWriter w, RestOrderBook.Order order)
    {
        w.WriteStartObject();
        w.WriteString("id", order.Id);
        w.WriteString("status", order.Status);

        w.WriteStartObject("customer");
        w.WriteString("id", order.Customer.Id);
        w.WriteString("name", order.Customer.Name);
        WriteNullable(w, "phone", order.Customer.Phone);
        WriteNullable(w, "email", order.Customer.Email);
        w.WriteEndObject();

        w.WriteStartObject("shipping_address");
        w.WriteString("line1", order.ShippingAddress.Line1);
        w.WriteString("city", order.ShippingAddress.City);
        w.WriteString("country", order.ShippingAddress.Country);
        w.WriteEndObject();

        w.WriteStartArray("lines");
        foreach (var line in order.Lines)
        {
            w.WriteStartObject();
            w.WriteNumber("id", line.Id);
            w.WriteString("external_id", line.ExternalId);
            w.WriteString("name", line.Name);
            w.WriteNumber("qty", line.Qty);
            w.WriteString("unit_price", WireFormat.Money(line.UnitPrice));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartObject("totals");
        w.WriteString("amount", WireFormat.Money(order.Amount));
        w.WriteString("currency", order.Currency);
        w.WriteEndObject();

        w.WriteString("created_at", WireFormat.Timestamp(order.CreatedAt));
        w.WriteString("updated_at", WireFormat.Timestamp(order.UpdatedAt));
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
