namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// The slice of Odoo 18's customer, sales and delivery models the order sync touches (odoo.md §2.3–2.4,
/// cartona_odoo.md §2.4–2.11): res.partner, sale.order with its lines, and the outgoing stock.picking an order's
/// confirmation creates (one stock.move per line, see <see cref="ProductModels.Move"/>). The business rules —
/// action_confirm, action_cancel, button_validate, the guards on lines — live in <see cref="SaleStock"/> and run as
/// model hooks, so they hold for RPC calls and the emulator's own helpers alike.
/// </summary>
internal static class SaleModels
{
    public const string Partner = "res.partner";
    public const string Country = "res.country";
    public const string Order = "sale.order";
    public const string Line = "sale.order.line";
    public const string Picking = "stock.picking";

    public static IEnumerable<OdooModel> All()
    {
        yield return new OdooModel(Country).Char("name").Char("code");

        yield return new OdooModel(Partner)
            .Char("name").Char("ref").Char("phone").Char("mobile").Char("email").Char("street").Char("city")
            .Integer("customer_rank").Boolean("is_company").Active()
            .Many2One("company_id", ProductModels.Company)
            .Many2One("country_id", Country);

        var order = new OdooModel(Order)
            {
                CreateDefaults = (o, now, source) => new Dictionary<string, object?>
                {
                    ["name"] = $"S{o.Id:D5}",
                    ["date_order"] = now,
                    ["warehouse_id"] = source.All(ProductModels.Warehouse).Where(w => w["active"] is true).MinBy(w => w.Id)?.Id,
                },
                OnCreate = SaleStock.OnOrderCreate,
                OnUnlink = SaleStock.OnOrderUnlink,
            }
            .Char("name").Char("client_order_ref").Char("origin")
            .Many2One("partner_id", Partner, indexed: true)
            .Selection("state", "draft")
            .Boolean("locked")
            .Many2One("warehouse_id", ProductModels.Warehouse)
            .Many2One("company_id", ProductModels.Company, @default: OdooEmulator.DefaultCompanyId)
            .Datetime("date_order")
            // sale_stock's stored compute over the pickings' states; kept up to date by SaleStock.
            .Selection("delivery_status", null)
            .One2Many("order_line", Line, "order_id")
            .One2Many("picking_ids", Picking, "sale_id")
            .Computed("amount_total", OdooFieldType.Float, (o, v) => v.Source.Referencing(Line, "order_id", o.Id)
                .Sum(l => ((decimal?)l["product_uom_qty"] ?? 0m) * ((decimal?)l["price_unit"] ?? 0m)));
        yield return order;

        yield return new OdooModel(Line)
            {
                DisplayName = (l, source) => $"{source.Find(Order, (long?)l["order_id"] ?? 0)?["name"]} - {l["name"]}",
                CreateDefaults = (l, _, source) => LineDefaults(l, source),
                // amount_total & co. are stored computes over the lines: a line change moves its order's write_date.
                Dependents = (l, _) => l["order_id"] is long orderId ? [(Order, orderId)] : [],
                OnCreate = SaleStock.OnLineCreate,
                OnWrite = SaleStock.OnLineWrite,
                OnUnlink = SaleStock.OnLineUnlink,
            }
            .Many2One("order_id", Order, indexed: true)
            .Many2One("product_id", ProductModels.Variant)
            .Char("name")
            .Float("product_uom_qty", 1m).Float("price_unit").Float("qty_delivered")
            .Selection("display_type", null)
            .Computed("price_subtotal", OdooFieldType.Float,
                (l, _) => ((decimal?)l["product_uom_qty"] ?? 0m) * ((decimal?)l["price_unit"] ?? 0m))
            .Computed("state", OdooFieldType.Selection, (l, v) => v.Source.Find(Order, (long?)l["order_id"] ?? 0)?["state"]);

        yield return new OdooModel(Picking)
            {
                CreateDefaults = (p, _, source) => new Dictionary<string, object?>
                {
                    ["name"] = $"{source.Find(ProductModels.Warehouse, (long?)p["warehouse_id"] ?? 0)?["code"] ?? "WH"}/OUT/{p.Id:D5}",
                },
                // delivery_status and the like are stored computes over the pickings: a picking change moves the order.
                Dependents = (p, _) => p["sale_id"] is long orderId ? [(Order, orderId)] : [],
            }
            .Char("name").Char("origin")
            .Many2One("sale_id", Order, indexed: true)
            .Many2One("partner_id", Partner)
            .Many2One("warehouse_id", ProductModels.Warehouse)
            .Many2One("company_id", ProductModels.Company, @default: OdooEmulator.DefaultCompanyId)
            .Selection("picking_type_code", "outgoing")
            .Selection("state", "draft")
            .Datetime("date_done")
            .One2Many("move_ids", ProductModels.Move, "picking_id");
    }

    // Odoo fills a line's description and price from the product (onchange / compute) when not given. The
    // returned values only apply to the fields the create left out.
    private static Dictionary<string, object?> LineDefaults(OdooRecord line, IRecordSource source)
    {
        if (line["product_id"] is not long productId || source.Find(ProductModels.Variant, productId) is not { } product) return [];
        var template = product["product_tmpl_id"] is long t ? source.Find(ProductModels.Template, t) : null;
        var name = template?["name"] as string ?? "";
        return new Dictionary<string, object?>
        {
            ["name"] = product["default_code"] is string code ? $"[{code}] {name}" : name,
            ["price_unit"] = ProductModels.LstPrice(product, source),
        };
    }

    /// <summary>sale_stock's <c>_compute_delivery_status</c> (18.0) from the order's pickings and lines.</summary>
    public static string? DeliveryStatus(IReadOnlyCollection<string> pickingStates, bool anyDelivered)
    {
        if (pickingStates.Count == 0 || pickingStates.All(s => s == "cancel")) return null;
        if (pickingStates.All(s => s is "done" or "cancel")) return "full";
        if (pickingStates.Any(s => s == "done")) return anyDelivered ? "partial" : "started";
        return "pending";
    }
}
