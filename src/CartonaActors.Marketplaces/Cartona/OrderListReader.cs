using CartonaActors.Domain.Json;
using CartonaActors.Domain.Secrets;
using System.Globalization;
using System.Text.Json;
using CartonaActors.Domain.Orders;

namespace CartonaActors.Marketplaces.Cartona;

/// <summary>
/// Reads <c>GET order/pull-orders</c>'s bare JSON array with the field rules of Cartona's own module
/// (cartona_odoo.md §1.1), one order at a time: an order that cannot be read becomes an
/// <see cref="UnreadableOrder"/> and the rest of the page still counts. Numbers may come as numbers or text.
/// </summary>
internal static class OrderListReader
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign
        | NumberStyles.AllowExponent | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>The page, or null when the body is not a JSON array at all.</summary>
    public static OrderPage? Read(string body, SecretScrubber scrubber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array) return null;
            var orders = new List<MarketplaceOrder>();
            var unreadable = new List<UnreadableOrder>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var raw = element.GetRawText();
                try
                {
                    orders.Add(ReadOrder(element, raw));
                }
                catch (UnreadableException ex)
                {
                    unreadable.Add(new UnreadableOrder(HashedIdOf(element), scrubber.Excerpt(ex.Message), raw));
                }
            }
            return new OrderPage(orders, unreadable, document.RootElement.GetArrayLength());
        }
    }

    private static MarketplaceOrder ReadOrder(JsonElement order, string raw)
    {
        if (order.ValueKind != JsonValueKind.Object) throw new UnreadableException("order is not a JSON object");
        var hashedId = Text(order, "hashed_id");
        if (string.IsNullOrWhiteSpace(hashedId)) throw new UnreadableException("order has no hashed_id");

        var status = Text(order, "status");
        var installment = Money(order, "installment_cost", "order");
        var walletTopUp = Money(order, "wallet_top_up", "order");
        var credit = Money(order, "cartona_credit", "order");
        var payment = CartonaPayment.MethodOf(installment, walletTopUp, credit);
        return new MarketplaceOrder(
            Id: hashedId,
            Reference: NonEmpty(Text(order, "receipt_id")),
            Status: string.IsNullOrWhiteSpace(status) ? CartonaStatus.Pending : status,
            // Anything but Cartona's own value means the supplier delivers, as in Cartona's module.
            FulfilledByMarketplace: Text(order, "delivered_by") == CartonaStatus.DeliveredByCartona,
            PaymentMethod: payment,
            RequiresDeliveryCode: CartonaPayment.RequiresOtp(payment),
            Totals: new OrderTotals(Money(order, "total_price", "order"), null),
            Customer: ReadRetailer(order),
            Lines: ReadDetails(order),
            Title: "Cartona Order " + hashedId,
            RawJson: raw);
    }

    private static MarketplaceCustomer ReadRetailer(JsonElement order)
    {
        if (!order.TryGetProperty("retailer", out var retailer) || retailer.ValueKind != JsonValueKind.Object)
            throw new UnreadableException("order has no retailer object");
        var code = NonEmpty(Text(retailer, "retailer_code")) ?? NonEmpty(Text(retailer, "id")) ?? NonEmpty(Text(retailer, "retailer_id"));
        if (code is null) throw new UnreadableException("retailer has no retailer_code");
        return new MarketplaceCustomer(
            Ref: CartonaPayment.CustomerRef(code),
            Name: NonEmpty(Text(retailer, "retailer_name")) ?? NonEmpty(Text(retailer, "name")) ?? "",
            Phone: NonEmpty(Text(retailer, "retailer_number")),
            Phone2: NonEmpty(Text(retailer, "retailer_number2")),
            Email: NonEmpty(Text(retailer, "retailer_email")),
            Address: NonEmpty(Text(retailer, "retailer_address")));
    }

    private static List<OrderLine> ReadDetails(JsonElement order)
    {
        if (!order.TryGetProperty("order_details", out var details) || details.ValueKind != JsonValueKind.Array)
            throw new UnreadableException("order has no order_details array");
        var result = new List<OrderLine>();
        var index = 0;
        foreach (var detail in details.EnumerateArray())
        {
            var at = $"order_details[{index++}]";
            if (detail.ValueKind != JsonValueKind.Object) throw new UnreadableException($"{at} is not a JSON object");
            var idText = Text(detail, "id");
            if (idText is null) throw new UnreadableException($"{at} has no id");
            if (!long.TryParse(idText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
                throw new UnreadableException($"{at}: id '{Short(idText)}' is not an integer");
            var amount = Decimal(detail, "amount", at) ?? throw new UnreadableException($"{at} has no amount");
            result.Add(new OrderLine(
                Id: id,
                ListingKey: NonEmpty(Text(detail, "internal_product_id")),
                MarketplaceProductId: NonEmpty(Text(detail, "supplier_product_id")),
                ProductName: Text(detail, "product_name"),
                Quantity: amount,
                UnitPrice: Decimal(detail, "selling_price", at) ?? 0m,
                Comment: Text(detail, "comment")));
        }
        return result;
    }

    private static decimal Money(JsonElement item, string name, string at) => Decimal(item, name, at) ?? 0m;

    /// <summary>A number or numeric text; null when absent, null or empty text.</summary>
    private static decimal? Decimal(JsonElement item, string name, string at)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number)
            return value.TryGetDecimal(out var number) ? number : throw new UnreadableException($"{at}: {name} is out of range");
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = JsonStrings.Read(value);
            if (text.Trim().Length == 0) return null;
            return decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new UnreadableException($"{at}: {name} '{Short(text)}' is not a number");
        }
        throw new UnreadableException($"{at}: {name} is not a number");
    }

    /// <summary>A string or number value as text; null when absent, null or of another kind.</summary>
    private static string? Text(JsonElement item, string name) =>
        !item.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => JsonStrings.Read(value),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

    private static string? HashedIdOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? NonEmpty(Text(element, "hashed_id")) : null;

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed class UnreadableException(string message) : Exception(message);
}
