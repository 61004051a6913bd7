namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// The slice of Odoo 18's product and stock models the sync reads (odoo.md §2.1–2.2): stored fields as the
/// database has them, and the non-stored computes (lst_price, sale_ok, free_qty, qty_available) evaluated on read.
/// A quant carries warehouse_id directly, standing in for its location. Attribute extras live on
/// product.template.attribute.value (PTAV): a variant's lst_price is its template's list_price plus the price_extra of
/// the PTAVs in its product_template_attribute_value_ids, and a PTAV write moves neither the variant nor the template.
/// </summary>
internal static class ProductModels
{
    public const string Company = "res.company";
    public const string Warehouse = "stock.warehouse";
    public const string Template = "product.template";
    public const string Variant = "product.product";
    public const string AttributeValue = "product.template.attribute.value";
    public const string Quant = "stock.quant";
    public const string Move = "stock.move";

    public static IEnumerable<OdooModel> All()
    {
        yield return new OdooModel(Company).Char("name");

        yield return new OdooModel(Warehouse)
            .Char("name").Char("code").Active()
            .Many2One("company_id", Company)
            .Many2One("lot_stock_id", "stock.location");

        var template = new OdooModel(Template)
            .Char("name").Float("list_price", 1m).Boolean("sale_ok", true).Active()
            .Many2One("company_id", Company)
            .Computed("default_code", OdooFieldType.Char, (t, v) =>
                Variants(t, v.Source).ToArray() is [var only] ? only["default_code"] : null)
            .Computed("product_variant_ids", OdooFieldType.X2Many,
                (t, v) => Variants(t, v.Source).Where(p => p["active"] is true).Select(p => p.Id).Order().ToArray(), Variant);
        // product.product.write_date is a stored compute over the template's: a template write bumps its variants.
        template.Dependents = (t, source) => Variants(t, source).Select(p => (Variant, p.Id));
        yield return template;

        // No Dependents: a variant's write_date is not a compute over its attribute values (odoo.md §2.1).
        yield return new OdooModel(AttributeValue) { DisplayName = (a, _) => a["name"] as string ?? "" }
            .Many2One("product_tmpl_id", Template, indexed: true)
            .Many2One("product_attribute_value_id", "product.attribute.value")
            .Char("name")
            .Float("price_extra");

        yield return new OdooModel(Variant)
            {
                DisplayName = (p, source) =>
                    p["default_code"] is string code ? $"[{code}] {TemplateOf(p, source)?["name"]}" : $"{TemplateOf(p, source)?["name"]}",
            }
            .Many2One("product_tmpl_id", Template, indexed: true)
            .Char("default_code").Active()
            .Many2One("company_id", Company)
            .Many2Many("product_template_attribute_value_ids", AttributeValue)
            .Boolean("cartona_is_unlimited_stock")
            .Computed("name", OdooFieldType.Char, (p, v) => TemplateOf(p, v.Source)?["name"])
            .Computed("price_extra", OdooFieldType.Float, (p, v) => PriceExtra(p, v.Source))
            .Computed("lst_price", OdooFieldType.Float, (p, v) => LstPrice(p, v.Source))
            .Computed("list_price", OdooFieldType.Float, (p, v) => TemplateOf(p, v.Source)?["list_price"])
            .Computed("sale_ok", OdooFieldType.Boolean, (p, v) => TemplateOf(p, v.Source)?["sale_ok"] ?? false)
            .Computed("qty_available", OdooFieldType.Float, (p, v) => Quants(p, v).Sum(q => (decimal?)q["quantity"] ?? 0m))
            .Computed("free_qty", OdooFieldType.Float, (p, v) =>
                Quants(p, v).Sum(q => ((decimal?)q["quantity"] ?? 0m) - ((decimal?)q["reserved_quantity"] ?? 0m)));

        yield return new OdooModel(Quant) { DisplayName = (q, _) => $"Quant {q.Id}" }
            .Many2One("product_id", Variant, indexed: true)
            .Many2One("warehouse_id", Warehouse)
            .Float("quantity").Float("reserved_quantity")
            .Computed("available_quantity", OdooFieldType.Float,
                (q, _) => ((decimal?)q["quantity"] ?? 0m) - ((decimal?)q["reserved_quantity"] ?? 0m));

        // A delivery move: product_uom_qty is the demand, quantity what is reserved / picked (Odoo 17+), and
        // reserved_availability the emulator's book-keeping of what it holds on the quants (Odoo keeps that on
        // stock.move.line). A move change moves its picking's and sale order's write_date (stored computes).
        yield return new OdooModel(Move)
            {
                Dependents = (m, source) =>
                    m["picking_id"] is long picking
                        ? source.Find("stock.picking", picking)?["sale_id"] is long order
                            ? [("stock.picking", picking), ("sale.order", order)]
                            : [("stock.picking", picking)]
                        : [],
            }
            .Char("name").Char("origin")
            .Many2One("product_id", Variant, indexed: true)
            .Many2One("warehouse_id", Warehouse)
            .Many2One("picking_id", "stock.picking", indexed: true)
            .Many2One("sale_line_id", "sale.order.line", indexed: true)
            .Float("product_uom_qty")
            .Float("quantity")
            .Float("reserved_availability")
            .Selection("state", "draft");
    }

    /// <summary>Sum of the price_extra of the variant's attribute values (product.product's non-stored price_extra).</summary>
    public static decimal PriceExtra(OdooRecord variant, IRecordSource source) =>
        (variant["product_template_attribute_value_ids"] as long[] ?? [])
        .Sum(id => (decimal?)source.Find(AttributeValue, id)?["price_extra"] ?? 0m);

    /// <summary>The variant's sales price: template list_price + <see cref="PriceExtra"/>.</summary>
    public static decimal LstPrice(OdooRecord variant, IRecordSource source) =>
        ((decimal?)TemplateOf(variant, source)?["list_price"] ?? 0m) + PriceExtra(variant, source);

    private static OdooRecord? TemplateOf(OdooRecord variant, IRecordSource source) =>
        variant["product_tmpl_id"] is long id ? source.Find(Template, id) : null;

    private static IEnumerable<OdooRecord> Variants(OdooRecord template, IRecordSource source) =>
        source.Referencing(Variant, "product_tmpl_id", template.Id);

    // Quants in the context's warehouses (all warehouses when the context names none).
    private static IEnumerable<OdooRecord> Quants(OdooRecord variant, OdooComputeContext view) =>
        view.Source.Referencing(Quant, "product_id", variant.Id)
            .Where(q => view.WarehouseIds is null || (q["warehouse_id"] is long w && view.WarehouseIds.Contains(w)));
}
