namespace CartonaActors.Domain.Orders;

/// <summary>What Odoo says about a variant an order line names.</summary>
public sealed record VariantAvailability(long VariantId, bool Active, bool SaleOk);

/// <summary>Why an order line cannot be imported; codes as the Cartona module's sync log uses them.</summary>
public sealed record LineProblem(long DetailId, string Code, string Message);

/// <summary>
/// All-or-nothing check of an order before anything is created in the ERP: every line must name an existing,
/// active, saleable variant with a positive amount, or the whole order is held with the reasons.
/// </summary>
public static class OrderValidation
{
    public static IReadOnlyList<long> VariantIdsOf(CartonaOrder order) =>
        order.Details.Select(d => long.TryParse(d.InternalProductId, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();

    public static IReadOnlyList<LineProblem> Problems(CartonaOrder order, IReadOnlyDictionary<long, VariantAvailability> variants)
    {
        if (order.Details.Count == 0) return [new LineProblem(0, "invalid_order_details", "the order has no lines")];
        var problems = new List<LineProblem>();
        foreach (var d in order.Details)
        {
            if (string.IsNullOrWhiteSpace(d.InternalProductId))
                problems.Add(new LineProblem(d.Id, "missing_internal_product_id", $"detail #{d.Id} has no internal_product_id"));
            else if (!long.TryParse(d.InternalProductId, out var id) || id <= 0)
                problems.Add(new LineProblem(d.Id, "invalid_internal_product_id", $"detail #{d.Id}: internal_product_id \"{d.InternalProductId}\" is not an Odoo variant id"));
            else if (!variants.TryGetValue(id, out var v))
                problems.Add(new LineProblem(d.Id, "variant_not_found", $"detail #{d.Id}: no Odoo variant {id}"));
            else if (!v.Active || !v.SaleOk)
                problems.Add(new LineProblem(d.Id, "variant_not_available", $"detail #{d.Id}: Odoo variant {id} is archived or not for sale"));
            if (d.Amount <= 0)
                problems.Add(new LineProblem(d.Id, "invalid_amount", $"detail #{d.Id}: amount must be > 0, got {d.Amount}"));
        }
        return problems;
    }
}
