namespace CartonaActors.Domain.Orders;

/// <summary>What the ERP says about a variant an order line names.</summary>
public sealed record VariantAvailability(long VariantId, bool Active, bool SaleOk);

/// <summary>Why an order line cannot be imported; codes as the marketplace module's sync log uses them.</summary>
public sealed record LineProblem(long DetailId, string Code, string Message);

/// <summary>
/// All-or-nothing check of an order before anything is created in the ERP: every line must name an existing,
/// active, saleable variant (its listing key is the ERP variant id) with a positive quantity, or the whole
/// order is held with the reasons.
/// </summary>
public static class OrderValidation
{
    public static IReadOnlyList<long> VariantIdsOf(MarketplaceOrder order) =>
        order.Lines.Select(d => long.TryParse(d.ListingKey, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();

    public static IReadOnlyList<LineProblem> Problems(MarketplaceOrder order, IReadOnlyDictionary<long, VariantAvailability> variants)
    {
        if (order.Lines.Count == 0) return [new LineProblem(0, "invalid_order_details", "the order has no lines")];
        var problems = new List<LineProblem>();
        foreach (var d in order.Lines)
        {
            if (string.IsNullOrWhiteSpace(d.ListingKey))
                problems.Add(new LineProblem(d.Id, "missing_internal_product_id", $"line #{d.Id} names no product"));
            else if (!long.TryParse(d.ListingKey, out var id) || id <= 0)
                problems.Add(new LineProblem(d.Id, "invalid_internal_product_id", $"line #{d.Id}: product \"{d.ListingKey}\" is not an ERP variant id"));
            else if (!variants.TryGetValue(id, out var v))
                problems.Add(new LineProblem(d.Id, "variant_not_found", $"line #{d.Id}: no ERP variant {id}"));
            else if (!v.Active || !v.SaleOk)
                problems.Add(new LineProblem(d.Id, "variant_not_available", $"line #{d.Id}: ERP variant {id} is archived or not for sale"));
            if (d.Quantity <= 0)
                problems.Add(new LineProblem(d.Id, "invalid_amount", $"line #{d.Id}: quantity must be > 0, got {d.Quantity}"));
        }
        return problems;
    }
}
