using System.Globalization;
using CartonaActors.Sandbox.Shopify.GraphQL;
using CartonaActors.Sandbox.Shopify.Schema;
using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify.Api;

/// <summary>
/// <c>productVariantsBulkUpdate(productId, variants, allowPartialUpdates)</c>: prices of variants of one product.
/// A variant of another product, a price that is not a non-negative decimal, or a rejected sku is a userError on
/// that row; without allowPartialUpdates one bad row means nothing is applied.
/// </summary>
internal static class ProductVariantsBulkUpdate
{
    public static object Resolve(GqlSelection selection, GqlContext context) =>
        Idempotency.Run(selection, context, () => Apply(selection, context), e => new VariantsBulkUpdatePayload(null, null, null, [e]));

    private static VariantsBulkUpdatePayload Apply(GqlSelection selection, GqlContext context)
    {
        var product = context.Shop.Products.FirstOrDefault(p => p.Id == selection.Arg("productId") as string);
        if (product is null)
        {
            context.Outcome = "user_errors";
            return new VariantsBulkUpdatePayload(null, null, null, [new UserError(["productId"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST")]);
        }
        var partial = selection.Arg("allowPartialUpdates") is true;
        var rows = Inputs.List(selection.Arg("variants"), "variants").Select(v => Inputs.Map(v, "variants")).ToList();
        var errors = new List<UserError>();
        var good = new List<(VariantEntity Variant, decimal? Price, bool SetCompare, decimal? Compare)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = i.ToString(CultureInfo.InvariantCulture);
            var id = Inputs.String(row, "id");
            var variant = product.Variants.FirstOrDefault(v => v.Id == id);
            if (id is null)
            {
                errors.Add(new UserError(["variants", at, "id"], "Product variant is missing ID attribute", "PRODUCT_VARIANT_ID_MISSING"));
                continue;
            }
            if (variant is null)
            {
                errors.Add(new UserError(["variants", at, "id"], "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
                continue;
            }
            if (context.Faults.Rejection(variant.Sku) is { } rejected)
            {
                errors.Add(new UserError(["variants", at, "id"], rejected.Message, rejected.Code));
                continue;
            }
            decimal? price = null;
            if (row.TryGetValue("price", out var rawPrice))
            {
                price = Inputs.Decimal(rawPrice);
                if (price is null or < 0)
                {
                    errors.Add(new UserError(["variants", at, "price"], "Price must be a non-negative decimal", "INVALID_INPUT"));
                    continue;
                }
            }
            decimal? compare = null;
            var setCompare = row.TryGetValue("compareAtPrice", out var rawCompare);
            if (setCompare && rawCompare is not null)
            {
                compare = Inputs.Decimal(rawCompare);
                if (compare is null or < 0)
                {
                    errors.Add(new UserError(["variants", at, "compareAtPrice"], "Compare at price must be a non-negative decimal", "INVALID_INPUT"));
                    continue;
                }
            }
            good.Add((variant, price, setCompare, compare));
        }
        if (errors.Count > 0 && !partial)
        {
            context.Outcome = "user_errors";
            return new VariantsBulkUpdatePayload(product.Id, product.Title, null, errors);
        }
        foreach (var (variant, price, setCompare, compare) in good)
        {
            if (price is not null) variant.Price = price.Value;
            if (setCompare) variant.CompareAtPrice = compare;
        }
        context.Counters.Variants(good.Count);
        if (errors.Count > 0) context.Outcome = "user_errors";
        return new VariantsBulkUpdatePayload(product.Id, product.Title,
            good.Select(g => new VariantResult(g.Variant.Id, g.Variant.Sku, g.Variant.Barcode, g.Variant.Price, g.Variant.CompareAtPrice)).ToList(),
            errors);
    }
}
