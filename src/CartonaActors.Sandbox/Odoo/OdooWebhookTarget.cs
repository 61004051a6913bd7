namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// An automation rule "On save" with a "Send Webhook Notification" action on one model: where to POST and which
/// fields to send (read with <c>load=None</c>).
/// </summary>
/// <param name="Url">Receiver, e.g. <c>http://127.0.0.1:5080/webhooks/odoo?token=…</c> (Odoo sends no auth header).</param>
/// <param name="Fields">Fields to send; null = the model's defaults (<see cref="DefaultFields"/>).</param>
/// <param name="ActionName">Server action name, sent as <c>_action</c> = <c>"Name(#id)"</c>.</param>
public sealed record OdooWebhookTarget(string Url, IReadOnlyList<string>? Fields = null,
    string ActionName = "Send Webhook Notification", long ActionId = 57)
{
    /// <summary>The fields odoo.md §3.2 / §3.3 recommend selecting, per model.</summary>
    public static IReadOnlyList<string> DefaultFields(string model) => model switch
    {
        "product.template" => ["id", "default_code", "list_price", "product_variant_ids", "write_date", "active"],
        "product.product" => ["id", "default_code", "lst_price", "product_tmpl_id", "write_date", "active"],
        "product.template.attribute.value" => ["id", "product_tmpl_id", "name", "price_extra", "write_date"],
        "stock.quant" => ["product_id", "warehouse_id", "quantity", "reserved_quantity", "write_date"],
        "stock.move" => ["product_id", "warehouse_id", "product_uom_qty", "state", "write_date"],
        "sale.order" => ["id", "name", "client_order_ref", "state", "locked", "delivery_status", "write_date"],
        "sale.order.line" => ["order_id", "product_id", "product_uom_qty", "price_unit", "write_date"],
        "stock.picking" => ["id", "name", "sale_id", "picking_type_code", "state", "write_date"],
        _ => ["id", "write_date"],
    };
}
