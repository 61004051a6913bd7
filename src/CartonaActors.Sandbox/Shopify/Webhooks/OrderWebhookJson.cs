using System.Globalization;
using System.Text.Json;
using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify.Webhooks;

/// <summary>The order as webhooks carry it: Shopify's REST shape (snake_case, numeric <c>id</c> plus
/// <c>admin_graphql_api_id</c>, lower-case statuses, money as strings). Built under the shop's lock.</summary>
internal static class OrderWebhookJson
{
    public static string Write(OrderEntity o) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = Gid.Number(o.Id),
        ["admin_graphql_api_id"] = o.Id,
        ["name"] = o.Name,
        ["order_number"] = int.Parse(o.Name.TrimStart('#'), CultureInfo.InvariantCulture),
        ["email"] = o.Customer.Email,
        ["phone"] = o.Customer.Phone,
        ["created_at"] = Time(o.CreatedAt),
        ["updated_at"] = Time(o.UpdatedAt),
        ["cancelled_at"] = o.CancelledAt is { } c ? Time(c) : null,
        ["cancel_reason"] = o.CancelledAt is null ? null : o.CancelReason?.ToLowerInvariant(),
        ["closed_at"] = o.ClosedAt is { } d ? Time(d) : null,
        ["financial_status"] = o.FinancialStatus.ToLowerInvariant(),
        ["fulfillment_status"] = o.FulfillmentStatus switch { "FULFILLED" => "fulfilled", "PARTIALLY_FULFILLED" => "partial", _ => null },
        ["currency"] = o.Currency,
        ["total_price"] = Amount(o.Total),
        ["customer"] = new Dictionary<string, object?>
        {
            ["id"] = o.Customer.Id,
            ["admin_graphql_api_id"] = Gid.Of("Customer", o.Customer.Id),
            ["email"] = o.Customer.Email,
            ["phone"] = o.Customer.Phone,
            ["first_name"] = o.Customer.FirstName,
            ["last_name"] = o.Customer.LastName,
        },
        ["shipping_address"] = o.ShipTo is null ? null : new Dictionary<string, object?>
        {
            ["address1"] = o.ShipTo.Address1, ["city"] = o.ShipTo.City, ["country"] = o.ShipTo.Country,
        },
        ["line_items"] = o.Lines.Select(l => new Dictionary<string, object?>
        {
            ["id"] = Gid.Number(l.Id),
            ["admin_graphql_api_id"] = l.Id,
            ["sku"] = l.Variant.Sku,
            ["name"] = l.Name,
            ["quantity"] = l.Quantity,
            ["price"] = Amount(l.UnitPrice),
            ["variant_id"] = Gid.Number(l.Variant.Id),
            ["product_id"] = Gid.Number(l.Variant.Product.Id),
        }).ToList(),
    });

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Amount(decimal m) => m.ToString("0.00", CultureInfo.InvariantCulture);
}
