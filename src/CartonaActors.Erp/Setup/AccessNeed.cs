namespace CartonaActors.Erp.Setup;

/// <summary>What the integration user must be allowed to do on one model (<c>ir.model.access</c>).</summary>
public sealed record AccessNeed(string Model, bool Read, bool Write, bool Create)
{
    /// <summary>The models the service reads and writes (the catalog, the poller, orders and deliveries) and the
    /// ones the setup itself writes.</summary>
    public static readonly IReadOnlyList<AccessNeed> Service =
    [
        new("product.product", true, false, false),
        new("product.template", true, false, false),
        new("product.template.attribute.value", true, false, false),
        new("stock.quant", true, false, false),
        new("stock.warehouse", true, false, false),
        new("res.partner", true, true, true),
        new("sale.order", true, true, true),
        new("sale.order.line", true, true, true),
        new("stock.picking", true, true, false),
        new("stock.move", true, true, false),
        new("ir.model", true, false, false),
        new("base.automation", true, true, true),
        new("ir.actions.server", true, true, true),
    ];

    public IEnumerable<string> Operations()
    {
        if (Read) yield return "read";
        if (Write) yield return "write";
        if (Create) yield return "create";
    }
}
