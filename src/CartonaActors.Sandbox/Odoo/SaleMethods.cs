using System.Text.Json;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// The public methods of the sales models over execute_kw (odoo.md §2.4): sale.order action_confirm, action_cancel
/// (the cancel wizard unless <c>disable_cancel_warning</c>), action_draft, action_lock, action_unlock;
/// stock.picking button_validate and action_assign; and the ORM create/write/unlink of these models. Every one
/// runs under the store's sales gate, from reading what it decides on to commit (Odoo's row locks, coarser).
/// </summary>
internal static class SaleMethods
{
    public static void Register(OdooStore store, OdooEmulatorOptions options)
    {
        foreach (var name in new[] { SaleModels.Order, SaleModels.Line, SaleModels.Picking, ProductModels.Move })
        {
            var model = store.Model(name);
            foreach (var orm in new[] { "create", "write", "unlink" }) model.Method(orm, Gated(OrmMethods.All[orm]));
        }

        store.Model(SaleModels.Order)
            .Method("action_confirm", Gated(async call =>
            {
                var ids = call.Ids();
                await call.TransactAsync(tx => SaleStock.Confirm(tx, ids, options.LockConfirmedOrders));
                return true;
            }))
            .Method("action_cancel", Gated(async call =>
            {
                var ids = call.Ids();
                object? result = true;
                await call.TransactAsync(tx =>
                {
                    var orders = SaleStock.CheckCancellable(tx, ids);
                    if (!Flag(call, "disable_cancel_warning") && orders.Any(o => o["state"] is not "draft"))
                    {
                        if (orders.Count != 1)
                            throw OdooFault.Value($"Expected singleton: sale.order({string.Join(", ", ids)})");
                        result = CancelWizard(orders[0].Id);
                        return; // nothing staged: the order stays as it is
                    }
                    SaleStock.Cancel(tx, ids);
                });
                return result;
            }))
            .Method("action_draft", Gated(async call =>
            {
                var ids = call.Ids();
                await call.TransactAsync(tx => SaleStock.SetToDraft(tx, ids));
                return true;
            }))
            .Method("action_lock", Gated(call => SetLocked(call, true)))
            .Method("action_unlock", Gated(call => SetLocked(call, false)));

        store.Model(SaleModels.Picking)
            .Method("button_validate", Gated(async call =>
            {
                var ids = call.Ids();
                object result = true;
                await call.TransactAsync(tx => result = SaleStock.Validate(tx, ids, fillQuantities: false, Flag(call, "skip_backorder")));
                return result;
            }))
            .Method("action_assign", Gated(async call =>
            {
                var ids = call.Ids();
                await call.TransactAsync(tx => SaleStock.Assign(tx, ids));
                return true;
            }));
    }

    /// <summary>Holds the sales gate for the whole call (decision, webhooks, commit).</summary>
    public static OdooMethod Gated(OdooMethod inner) => async call =>
    {
        await call.Store.SalesGate.WaitAsync();
        try
        {
            return await inner(call);
        }
        finally
        {
            call.Store.SalesGate.Release();
        }
    };

    private static async Task<object?> SetLocked(OdooMethodCall call, bool locked)
    {
        var ids = call.Ids();
        await call.TransactAsync(tx => tx.Write(SaleModels.Order, ids, new Dictionary<string, object?> { ["locked"] = locked }));
        return true;
    }

    // sale.order.action_cancel's wizard action (18.0) when the order is not a draft.
    private static Dictionary<string, object?> CancelWizard(long orderId) => new()
    {
        ["name"] = "Cancel Sales Order",
        ["view_mode"] = "form",
        ["res_model"] = "sale.order.cancel",
        ["view_id"] = 1234L,
        ["type"] = "ir.actions.act_window",
        ["context"] = new Dictionary<string, object?>
        {
            ["default_order_id"] = orderId, ["mark_so_as_canceled"] = true, ["default_template_id"] = false,
        },
        ["target"] = "new",
    };

    // Python truthiness of a context key.
    private static bool Flag(OdooMethodCall call, string key) =>
        call.Context.TryGetValue(key, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => value.GetDecimal() != 0m,
            JsonValueKind.String => value.GetString() is { Length: > 0 },
            JsonValueKind.Array => value.GetArrayLength() > 0,
            JsonValueKind.Object => value.EnumerateObject().Any(),
            _ => false,
        };
}
