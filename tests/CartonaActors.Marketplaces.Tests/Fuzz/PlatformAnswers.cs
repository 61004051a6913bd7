using CartonaActors.Tests.Fuzz;
using CsCheck;

namespace CartonaActors.Marketplaces.Tests.Fuzz;

/// <summary>Bodies shaped like each platform's answers (Cartona's and the REST contract's), with hostile values.</summary>
internal static class PlatformAnswers
{
    private static Gen<string> ArrayOf(Gen<string> item) => item.Array[0, 6].Select(HostileJson.Array);

    private static readonly Gen<string> Id = Gen.Frequency((2, Gen.Long[1, 1_000_000].Select(l => l.ToString())), (1, HostileJson.Scalar));

    public static readonly Gen<string> CartonaOrders = ArrayOf(HostileJson.Shaped(
        ("hashed_id", HostileJson.StringLiteral), ("status", HostileJson.StringLiteral), ("receipt_id", HostileJson.Scalar),
        ("delivered_by", HostileJson.StringLiteral), ("installment_cost", HostileJson.Number), ("wallet_top_up", HostileJson.Scalar),
        ("cartona_credit", HostileJson.Scalar), ("total_price", HostileJson.Number),
        ("retailer", HostileJson.Shaped(("retailer_code", HostileJson.Scalar), ("retailer_name", HostileJson.StringLiteral),
            ("retailer_number", HostileJson.Scalar), ("retailer_email", HostileJson.StringLiteral), ("retailer_address", HostileJson.StringLiteral))),
        ("order_details", ArrayOf(HostileJson.Shaped(("id", Id), ("amount", HostileJson.Scalar), ("internal_product_id", HostileJson.Scalar),
            ("supplier_product_id", HostileJson.Scalar), ("product_name", HostileJson.StringLiteral), ("selling_price", HostileJson.Scalar),
            ("comment", HostileJson.StringLiteral))))));

    public static readonly Gen<string> CartonaBulkReport = HostileJson.Shaped(
        ("updated", HostileJson.Number),
        ("failed", ArrayOf(HostileJson.Shaped(("index", Gen.Frequency((2, Gen.Int[-1, 3].Select(i => i.ToString())), (1, HostileJson.Scalar))),
            ("internal_product_id", HostileJson.StringLiteral), ("errors", Gen.Frequency((1, ArrayOf(HostileJson.StringLiteral)), (1, HostileJson.Value())))))),
        ("success", HostileJson.Scalar), ("error", HostileJson.StringLiteral));

    public static readonly Gen<string> RestOrders = HostileJson.Shaped(
        ("data", ArrayOf(HostileJson.Shaped(
            ("id", HostileJson.Scalar), ("status", HostileJson.StringLiteral), ("updated_at", Gen.Frequency(
                (1, Gen.Const("\"2026-12-01T10:00:00Z\"")), (1, HostileJson.Scalar))),
            ("customer", HostileJson.Shaped(("id", HostileJson.Scalar), ("name", HostileJson.StringLiteral), ("phone", HostileJson.Scalar),
                ("email", HostileJson.StringLiteral))),
            ("lines", ArrayOf(HostileJson.Shaped(("id", Id), ("external_id", HostileJson.Scalar), ("name", HostileJson.StringLiteral),
                ("qty", HostileJson.Scalar), ("unit_price", HostileJson.Scalar)))),
            ("totals", HostileJson.Shaped(("amount", HostileJson.Scalar), ("currency", HostileJson.StringLiteral))),
            ("shipping_address", HostileJson.Shaped(("line1", HostileJson.StringLiteral), ("city", HostileJson.Scalar)))))),
        ("next_cursor", HostileJson.Scalar), ("has_more", HostileJson.Scalar));

    public static readonly Gen<string> RestResults = HostileJson.Shaped(
        ("results", ArrayOf(HostileJson.Shaped(("index", Gen.Frequency((2, Gen.Int[-1, 2].Select(i => i.ToString())), (1, HostileJson.Scalar))),
            ("status", Gen.Frequency((1, Gen.Const("\"ok\"")), (1, HostileJson.StringLiteral))),
            ("error", HostileJson.Shaped(("code", HostileJson.Scalar), ("message", HostileJson.StringLiteral)))))),
        ("error", HostileJson.StringLiteral));
}
