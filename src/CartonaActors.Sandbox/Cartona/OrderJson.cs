using System.Globalization;
using System.Text.Json;

namespace CartonaActors.Sandbox.Cartona;

/// <summary>Writes an order in Cartona's documented pull-orders shape (marketplaces.md §1.4).</summary>
internal static class OrderJson
{
    public static void Write(Utf8JsonWriter w, CartonaOrderBook.Order o, bool pricesAsText)
    {
        var active = o.Details.Where(d => !d.Cancelled).ToList();
        w.WriteStartObject();
        w.WriteString("hashed_id", o.HashedId);
        w.WriteString("receipt_id", o.ReceiptId);
        w.WriteString("supplier_code", o.SupplierCode);
        w.WriteString("status", o.Status);
        w.WriteString("delivered_by", o.DeliveredBy);
        w.WriteNull("delivery_day");
        w.WriteNull("estimated_delivery_day");
        w.WriteString("cancellation_reason", o.CancellationReason ?? "");
        w.WriteNull("return_reason");
        Money(w, "total_price", active.Sum(d => d.SellingPrice * d.Amount), pricesAsText);
        w.WriteNumber("cartona_credit", o.CartonaCredit);
        w.WriteNumber("installment_cost", o.InstallmentCost);
        w.WriteNumber("wallet_top_up", o.WalletTopUp);

        w.WriteStartObject("retailer");
        var r = o.Retailer;
        w.WriteString("retailer_name", r.Name);
        w.WriteString("retailer_code", r.Code);
        Nullable(w, "retailer_number", r.Number);
        Nullable(w, "retailer_number2", r.Number2);
        Nullable(w, "retailer_address", r.Address);
        w.WriteString("address_notes", r.AddressNotes ?? "");
        if (r.Email is not null) w.WriteString("retailer_email", r.Email);
        w.WriteEndObject();

        w.WriteStartArray("order_details");
        foreach (var d in active)
        {
            w.WriteStartObject();
            w.WriteNumber("id", d.Id);
            Nullable(w, "internal_product_id", d.InternalProductId);
            Nullable(w, "supplier_product_id", d.SupplierProductId);
            Nullable(w, "product_name", d.ProductName);
            w.WriteNumber("amount", d.Amount);
            Money(w, "selling_price", d.SellingPrice, pricesAsText);
            w.WriteNumber("applied_supplier_discount", d.AppliedSupplierDiscount);
            w.WriteNumber("applied_cartona_discount", d.AppliedCartonaDiscount);
            Nullable(w, "comment", d.Comment);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Money(Utf8JsonWriter w, string name, decimal value, bool asText)
    {
        if (asText) w.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        else w.WriteNumber(name, value);
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
