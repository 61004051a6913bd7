using CartonaActors.Tests.Fuzz;
using CsCheck;

namespace CartonaActors.Service.Tests.Fuzz;

/// <summary>
/// Bodies shaped like what each ingress reads, closely enough that many get past the JSON reader to the later
/// checks (validation, the product entity, the ERP routers), each field now well typed, now hostile.
/// </summary>
public static class IngressBodies
{
    /// <summary>One of the values the service knows (so deeper paths are reached), or any hostile string.</summary>
    private static Gen<string> Known(params string[] values) => Gen.Frequency(
        (2, Gen.OneOf(values.Select(v => Gen.Const(HostileJson.Quote(v))).ToArray())),
        (1, HostileJson.StringLiteral));

    private static readonly Gen<string> Flag = Gen.OneOf(Gen.Const("true"), Gen.Const("false"));

    private static Gen<string> ObjectOf(Gen<string> keys, Gen<string> values, int most) =>
        Gen.Select(keys, values).Array[0, most].Select(members => HostileJson.Object(members));

    private static Gen<string> ArrayOf(Gen<string> items, int most) => items.Array[0, most].Select(HostileJson.Array);

    /// <summary>Stock per warehouse: a few, or around the bound of a product's warehouses.</summary>
    private static readonly Gen<string> Stock = Gen.Frequency(
        (6, ObjectOf(Gen.Frequency((3, Gen.Const("WH1")), (2, HostileJson.Text)), HostileJson.Number, 5)),
        (1, Gen.Int[995, 1005].Select(n => HostileJson.Object(Enumerable.Range(0, n).Select(w => ("W" + w, "1"))))));

    private static readonly Gen<string> Listing = HostileJson.Shaped(
        ("connection", Known("cartona")),
        ("internalProductId", Known("1")),
        ("supplierProductId", Known("700001")),
        ("id", HostileJson.StringLiteral),
        ("kind", Known("InternalProductId", "SupplierProductId")),
        ("keys", ObjectOf(HostileJson.Text, HostileJson.StringLiteral, 10)));

    /// <summary>Wholly hostile bodies, and as many that get past the reader to the later checks and the entities.</summary>
    private static Gen<string> HalfPastTheReader(Gen<string> shaped, Gen<string> likelyValid) =>
        Gen.Frequency((1, HostileJson.Body(shaped)), (1, likelyValid));

    private static readonly Gen<string> SmallId = Gen.Int[1, 50].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary><c>PUT /api/products/{id}</c>.</summary>
    public static readonly Gen<string> ProductChange = HalfPastTheReader(
        HostileJson.Shaped(
            ("price", HostileJson.Number),
            ("stock", Stock),
            ("unlimitedStock", Flag),
            ("listings", ArrayOf(Listing, 3)),
            ("unlink", ArrayOf(Known("cartona"), 3))),
        Gen.Select(HostileJson.Number, Stock, Known("1"), (price, stock, listing) => HostileJson.Object(
            [("price", price), ("stock", stock), ("listings", $"[{{\"connection\":\"cartona\",\"internalProductId\":{listing}}}]")])));

    /// <summary><c>POST /webhooks/odoo</c>: what Odoo's "Send Webhook Notification" action posts.</summary>
    public static readonly Gen<string> OdooWebhook = HalfPastTheReader(
        HostileJson.Shaped(
            ("_model", Known("product.product", "product.template", "stock.quant", "sale.order", "stock.picking")),
            ("_id", Gen.Frequency((3, SmallId), (2, HostileJson.Number))),
            ("_name", HostileJson.StringLiteral),
            ("id", HostileJson.Number)),
        Gen.Select(Known("product.product", "stock.quant", "sale.order", "stock.picking"), Gen.Frequency((3, SmallId), (1, HostileJson.Number)),
            HostileJson.Value(), (model, id, extra) => HostileJson.Object([("_model", model), ("_id", id), ("_name", extra)])));

    /// <summary><c>POST /api/orders/{connection}/{hashedId}/deliver</c>.</summary>
    public static readonly Gen<string> DeliveryCode = HostileJson.Body(HostileJson.Shaped(("otp", Known("735194"))));

    /// <summary>Endpoints that read no body get whatever a client sends.</summary>
    public static readonly Gen<string> Anything = HostileJson.Body(HostileJson.Value());
}
