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
    /// <summary>Lines one order may have. B2B orders run to tens, rarely hundreds; the bound (with
    /// <see cref="MaxRawJsonLength"/>) keeps the largest order inside one remote frame, since it crosses nodes whole
    /// to its entity (hocon/akka.hocon, maximum-frame-size).</summary>
    public const int MaxLines = 500;

    /// <summary>Characters of the marketplace's JSON for one order, kept verbatim with it: 500 lines as a marketplace
    /// sends them, with a retailer and a product name each, take about 200 k.</summary>
    public const int MaxRawJsonLength = 256 * 1024;

    /// <summary>Why an order is too large to import, or null.</summary>
    public static string? Oversized(MarketplaceOrder order) =>
        order.Lines.Count > MaxLines ? $"the order has {order.Lines.Count} lines, more than the {MaxLines} an order may have"
        : order.RawJson.Length > MaxRawJsonLength ? $"the order is {order.RawJson.Length} characters of JSON, more than the {MaxRawJsonLength} an order may have"
        : null;

    /// <summary>The page with every oversized order moved to its unreadable ones: such an order is never handed on.</summary>
    public static OrderPage Admit(OrderPage page)
    {
        var refused = page.Orders.Select(o => (Order: o, Reason: Oversized(o))).Where(x => x.Reason is not null).ToList();
        if (refused.Count == 0) return page;
        return page with
        {
            Orders = page.Orders.Where(o => Oversized(o) is null).ToList(),
            Unreadable = [.. page.Unreadable, .. refused.Select(x => new UnreadableOrder(x.Order.Id, x.Reason!, x.Order.RawJson))],
        };
    }

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
            else if (d.ListingKey.Split('=', 2) is [var field, var value] && field.Length > 0 && !long.TryParse(d.ListingKey, out _))
                problems.Add(new LineProblem(d.Id, "variant_not_found", $"line #{d.Id}: no ERP variant (or more than one) has {field} \"{value}\""));
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
