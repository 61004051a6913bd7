using CartonaActors.Sandbox.Shopify.GraphQL;
using CartonaActors.Sandbox.Shopify.Schema;
using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify.Api;

/// <summary>
/// <c>inventorySetQuantities(input:)</c>: absolute quantities per (item, location), all rows or none. On 2026-04
/// and later the call needs <c>@idempotent</c> and every row must carry a <c>changeFromQuantity</c> key (null opts
/// out of the compare); a row whose value differs from the current quantity fails the whole call with
/// CHANGE_FROM_QUANTITY_STALE. Unknown items and locations, bad names, duplicates and rejected skus are
/// userErrors with the path of the offending input.
/// </summary>
internal static class InventorySetQuantities
{
    private static readonly HashSet<string> Reasons = new(StringComparer.Ordinal)
    {
        "correction", "cycle_count_available", "damaged", "movement_canceled", "movement_created", "movement_received",
        "movement_updated", "other", "promotion", "quality_control", "received", "reservation_created",
        "reservation_deleted", "reservation_updated", "restock", "safety_stock", "shrinkage",
    };

    public static object Resolve(GqlSelection selection, GqlContext context)
    {
        if (context.StrictInventory && Idempotency.Key(selection) is null && !selection.Directives.ContainsKey("idempotent"))
            throw new GqlException("The @idempotent directive is required for this mutation.", "BAD_REQUEST", [selection.Key]);
        var input = Inputs.Map(selection.Arg("input"), "input");
        var rows = Inputs.List(input.GetValueOrDefault("quantities"), "quantities").Select(r => Inputs.Map(r, "quantities")).ToList();
        if (context.StrictInventory)
        {
            for (var i = 0; i < rows.Count; i++)
                if (!rows[i].ContainsKey("changeFromQuantity"))
                    throw new GqlException(
                        $"InventorySetQuantitiesInput.quantities[{i}].changeFromQuantity is required; pass null to skip the compare-and-swap check.",
                        "INVALID_FIELD_ARGUMENTS", [selection.Key]);
        }
        return Idempotency.Run(selection, context, () => Apply(input, rows, context),
            error => new InventorySetPayload(null, [error]));
    }

    private static InventorySetPayload Apply(IReadOnlyDictionary<string, object?> input, List<IReadOnlyDictionary<string, object?>> rows,
        GqlContext context)
    {
        var shop = context.Shop;
        var errors = new List<UserError>();
        var name = Inputs.String(input, "name");
        if (name is not ("available" or "on_hand"))
            errors.Add(new UserError(["input", "name"], "The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME"));
        var reason = Inputs.String(input, "reason");
        if (reason is null || !Reasons.Contains(reason))
            errors.Add(new UserError(["input", "reason"], "The specified reason is invalid.", "INVALID_REASON"));

        var levels = new List<(InventoryLevelEntity Level, int Quantity, long? From, int Index)>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var variant = shop.VariantByItem(Inputs.String(row, "inventoryItemId") ?? "");
            var location = shop.Location(Inputs.String(row, "locationId") ?? "");
            if (variant is null)
                errors.Add(new UserError(["input", "quantities", at, "inventoryItemId"], "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM"));
            if (location is null)
                errors.Add(new UserError(["input", "quantities", at, "locationId"], "The specified location could not be found.", "INVALID_LOCATION"));
            if (variant is null || location is null) continue;
            if (context.Faults.Rejection(variant.Sku) is { } rejected)
            {
                errors.Add(new UserError(["input", "quantities", at, "inventoryItemId"], rejected.Message, rejected.Code));
                continue;
            }
            if (!seen.Add((variant.InventoryItemId, location.Id)))
            {
                errors.Add(new UserError(["input", "quantities", at, "locationId"],
                    "The combination of inventoryItemId and locationId must be unique.", "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
                continue;
            }
            var quantity = Inputs.Integer(row.GetValueOrDefault("quantity"));
            if (quantity is null or > 1_000_000_000 or < -1_000_000_000)
            {
                errors.Add(new UserError(["input", "quantities", at, "quantity"], "The quantity must be an integer within ±1,000,000,000.",
                    quantity is null ? "INVALID_QUANTITY_TOO_LOW" : quantity > 0 ? "INVALID_QUANTITY_TOO_HIGH" : "INVALID_QUANTITY_TOO_LOW"));
                continue;
            }
            var from = row.ContainsKey("changeFromQuantity") ? Inputs.Integer(row["changeFromQuantity"]) : null;
            if (!context.StrictInventory && row.GetValueOrDefault("compareQuantity") is { } compare && input.GetValueOrDefault("ignoreCompareQuantity") is not true)
                from = Inputs.Integer(compare);
            levels.Add((shop.Levels[(variant.InventoryItemId, location.Id)], (int)quantity, from, i));
        }
        if (errors.Count > 0)
        {
            context.Outcome = "user_errors";
            return new InventorySetPayload(null, errors);
        }

        foreach (var (level, _, from, index) in levels)
        {
            var current = name == "available" ? level.Available : level.OnHand;
            if (from is null || from == current) continue;
            context.Counters.Stale();
            errors.Add(new UserError(["input", "quantities", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "changeFromQuantity"],
                $"The changeFromQuantity ({from}) does not match the persisted quantity ({current}).", "CHANGE_FROM_QUANTITY_STALE"));
        }
        if (errors.Count > 0)
        {
            context.Outcome = "stale";
            return new InventorySetPayload(null, errors);
        }

        var changes = new List<InventoryChange>();
        foreach (var (level, quantity, _, _) in levels)
        {
            var delta = quantity - (name == "available" ? level.Available : level.OnHand);
            level.Available += delta;
            level.OnHand += delta;
            changes.Add(new InventoryChange(name!, delta, quantity, level.Variant.InventoryItemId, level.Location.Id));
            changes.Add(new InventoryChange(name == "available" ? "on_hand" : "available", delta,
                name == "available" ? level.OnHand : level.Available, level.Variant.InventoryItemId, level.Location.Id));
        }
        context.Counters.Rows(levels.Count);
        var group = new InventoryAdjustmentGroup(shop.NewId("InventoryAdjustmentGroup"), context.Now, reason!,
            Inputs.String(input, "referenceDocumentUri"), changes);
        return new InventorySetPayload(group, []);
    }
}
