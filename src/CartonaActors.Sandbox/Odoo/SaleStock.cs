using System.Runtime.CompilerServices;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// What sale and sale_stock do in Odoo 18 when an order is confirmed, cancelled, edited or delivered, as
/// transaction-building steps: each reads committed data (callers hold the store's sales gate, standing in for
/// row locks), refuses with Odoo's UserError where Odoo does, and stages its changes on the transaction. Quant
/// changes are staged as increments, so concurrent stock writes are not lost.
/// </summary>
internal static class SaleStock
{
    private const string Order = SaleModels.Order;
    private const string Line = SaleModels.Line;
    private const string Picking = SaleModels.Picking;
    private const string Move = ProductModels.Move;

    // sale.order.line._get_protected_fields (18.0), as far as the emulator has them.
    private static readonly string[] ProtectedLineFields = ["product_id", "name", "price_unit", "product_uom_qty"];

    public const string LockedCancelMessage = "You cannot cancel a locked order. Please unlock it first if you want to cancel it.";

    // ---- sale.order actions ----

    /// <summary><c>action_confirm</c>: draft/sent → sale, one outgoing picking with a move per line, stock reserved.</summary>
    public static void Confirm(OdooTransaction tx, IReadOnlyList<long> orderIds, bool lockOrders)
    {
        var orders = Orders(tx, orderIds);
        if (orders.Any(o => o["state"] is not ("draft" or "sent")))
            throw OdooFault.User("Some orders are not in a state requiring confirmation.");
        var lines = tx.Read(s => orders.ToDictionary(o => o.Id, o => LinesOf(s, o.Id)));
        if (lines.Values.SelectMany(l => l).Any(l => l["display_type"] is null && l["product_id"] is null))
            throw OdooFault.User("A line on these orders missing a product, you cannot confirm it.");

        var ledger = Ledger(tx);
        foreach (var order in orders)
        {
            var values = new Dictionary<string, object?> { ["state"] = "sale", ["date_order"] = tx.Now };
            if (lockOrders) values["locked"] = true;
            tx.Write(Order, [order.Id], values);
            var deliverable = lines[order.Id].Where(l => l["display_type"] is null)
                .Select(l => new Demand(l.Id, (long)l["product_id"]!, l["name"] as string, Qty(l["product_uom_qty"]))).ToArray();
            if (deliverable.Length > 0) AddMoves(tx, ledger, order, deliverable);
        }
    }

    /// <summary>The refusal <c>action_cancel</c> makes before anything else: a locked order.</summary>
    public static IReadOnlyList<OdooRecord> CheckCancellable(OdooTransaction tx, IReadOnlyList<long> orderIds)
    {
        var orders = Orders(tx, orderIds);
        if (orders.Any(o => o["locked"] is true)) throw OdooFault.User(LockedCancelMessage);
        return orders;
    }

    /// <summary><c>_action_cancel</c> with sale_stock's override: open pickings cancelled (reservations released),
    /// state cancel.</summary>
    public static void Cancel(OdooTransaction tx, IReadOnlyList<long> orderIds)
    {
        var orders = CheckCancellable(tx, orderIds);
        var ledger = Ledger(tx);
        foreach (var order in orders)
        {
            var open = tx.Read(s => s.Referencing(Picking, "sale_id", order.Id).Where(IsOpen).OrderBy(p => p.Id).ToArray());
            foreach (var picking in open) CancelPicking(tx, ledger, picking);
            tx.Write(Order, [order.Id], new Dictionary<string, object?> { ["state"] = "cancel" });
            RecomputeDeliveryStatus(tx, order.Id, open.ToDictionary(p => p.Id, _ => "cancel"), delivering: false);
        }
    }

    /// <summary><c>action_draft</c>: cancelled or sent orders back to draft; others untouched.</summary>
    public static void SetToDraft(OdooTransaction tx, IReadOnlyList<long> orderIds)
    {
        var ids = Orders(tx, orderIds).Where(o => o["state"] is "cancel" or "sent").Select(o => o.Id).ToArray();
        if (ids.Length > 0) tx.Write(Order, ids, new Dictionary<string, object?> { ["state"] = "draft" });
    }

    // ---- stock.picking actions ----

    /// <summary>
    /// <c>button_validate</c>: each picking's moves are done with their <c>quantity</c> (with
    /// <paramref name="fillQuantities"/>, their full demand first, as "Auto-Fill Quantities" or a user typing them):
    /// quants lose that quantity and their reservation, lines gain qty_delivered, the order's delivery_status follows.
    /// A picking already done or cancelled, or with nothing reserved nor done, is refused; one short of its demand
    /// answers the backorder wizard unless the context has <c>skip_backorder</c>.
    /// </summary>
    /// <returns>True, or the wizard action (nothing changed).</returns>
    public static object Validate(OdooTransaction tx, IReadOnlyList<long> pickingIds, bool fillQuantities, bool skipBackorder)
    {
        var pickings = tx.Read(s => pickingIds.Distinct().Select(id => s.Find(Picking, id)).ToArray());
        var missing = pickingIds.Distinct().Where((_, i) => pickings[i] is null).ToArray();
        if (missing.Length > 0) throw OdooFault.Missing(Picking, missing, tx.Uid);
        var moves = tx.Read(s => pickings.ToDictionary(p => p!.Id,
            p => s.Referencing(Move, "picking_id", p!.Id).Where(m => m["state"] is not ("done" or "cancel")).OrderBy(m => m.Id).ToArray()));

        foreach (var picking in pickings)
        {
            if (picking!["state"] is "done") throw OdooFault.User($"The transfer {picking["name"]} is already done.");
            if (picking["state"] is "cancel") throw OdooFault.User($"You cannot validate the cancelled transfer {picking["name"]}.");
            if (!fillQuantities && moves[picking.Id].All(m => Qty(m["quantity"]) <= 0m))
                throw OdooFault.User("You cannot validate a transfer if no quantities are reserved nor done. You can use the info " +
                                     "button on the top right corner of your screen to know why the stock has not been reserved.");
        }
        decimal Done(OdooRecord move) => fillQuantities ? Qty(move["product_uom_qty"]) : Qty(move["quantity"]);
        var short_ = pickings.Where(p => moves[p!.Id].Any(m => Done(m) < Qty(m["product_uom_qty"]))).ToArray();
        if (short_.Length > 0 && !skipBackorder)
            return new Dictionary<string, object?>
            {
                ["name"] = "Create Backorder?",
                ["type"] = "ir.actions.act_window",
                ["view_mode"] = "form",
                ["res_model"] = "stock.backorder.confirmation",
                ["target"] = "new",
                ["context"] = new Dictionary<string, object?>
                {
                    ["default_pick_ids"] = short_.Select(p => new object?[] { 4L, p!.Id }).ToArray(),
                    ["button_validate_picking_ids"] = pickings.Select(p => p!.Id).ToArray(),
                },
            };

        var ledger = Ledger(tx);
        var byOrder = new Dictionary<long, Dictionary<long, string>>();
        var delivering = new HashSet<long>();
        foreach (var picking in pickings)
        {
            var warehouse = (long?)picking!["warehouse_id"];
            foreach (var move in moves[picking.Id])
            {
                var done = Done(move);
                var product = (long)move["product_id"]!;
                if (warehouse is { } w)
                {
                    ledger.Release(product, w, Qty(move["reserved_availability"]));
                    ledger.Consume(product, w, done);
                }
                tx.Write(Move, [move.Id], new Dictionary<string, object?>
                {
                    ["quantity"] = done, ["reserved_availability"] = 0m, ["state"] = "done",
                });
                if (move["sale_line_id"] is long line && done != 0m)
                    tx.Update(Line, line, l => new Dictionary<string, object?> { ["qty_delivered"] = Qty(l["qty_delivered"]) + done });
                if (done != 0m && picking["sale_id"] is long o) delivering.Add(o);
            }
            tx.Write(Picking, [picking.Id], new Dictionary<string, object?> { ["state"] = "done", ["date_done"] = tx.Now });
            if (picking["sale_id"] is long order)
            {
                if (!byOrder.TryGetValue(order, out var states)) byOrder[order] = states = [];
                states[picking.Id] = "done";
            }
        }
        foreach (var (order, states) in byOrder) RecomputeDeliveryStatus(tx, order, states, delivering.Contains(order));
        return true;
    }

    /// <summary><c>action_assign</c>: open moves reserve what is still missing, as far as stock allows.</summary>
    public static void Assign(OdooTransaction tx, IReadOnlyList<long> pickingIds)
    {
        var pickings = tx.Read(s => pickingIds.Distinct().Select(id => s.Find(Picking, id)).OfType<OdooRecord>().Where(IsOpen).ToArray());
        var ledger = Ledger(tx);
        foreach (var picking in pickings)
        {
            var moves = tx.Read(s => s.Referencing(Move, "picking_id", picking.Id).Where(m => m["state"] is not ("done" or "cancel")).ToArray());
            var states = new List<string>();
            foreach (var move in moves)
            {
                var demand = Qty(move["product_uom_qty"]);
                var reserved = Qty(move["reserved_availability"]);
                if (reserved < demand && picking["warehouse_id"] is long w)
                    reserved += ledger.Reserve((long)move["product_id"]!, w, demand - reserved);
                var state = MoveState(demand, reserved);
                states.Add(state);
                if (reserved != Qty(move["reserved_availability"]))
                    tx.Write(Move, [move.Id], new Dictionary<string, object?>
                    {
                        ["quantity"] = reserved, ["reserved_availability"] = reserved, ["state"] = state,
                    });
            }
            var pickingState = PickingState(states);
            if (!Equals(pickingState, picking["state"]))
                tx.Write(Picking, [picking.Id], new Dictionary<string, object?> { ["state"] = pickingState });
        }
    }

    // ---- model hooks ----

    /// <summary>sale.order create: partner_id is required (NOT NULL in the database).</summary>
    public static void OnOrderCreate(OdooTransaction tx, long id, IReadOnlyDictionary<string, object?> values)
    {
        if (!values.TryGetValue("partner_id", out var partner) || FieldValues.ToStored(PartnerField, partner) is null)
            throw OdooFault.Validation("The operation cannot be completed: Missing required value for the field 'Customer' (partner_id).");
    }

    /// <summary>sale.order unlink: only draft or cancelled orders; their lines go with them.</summary>
    public static void OnOrderUnlink(OdooTransaction tx, IReadOnlyList<long> ids)
    {
        var orders = Orders(tx, ids);
        if (orders.Any(o => o["state"] is not ("draft" or "cancel")))
            throw OdooFault.User("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
        var (lines, pickings) = tx.Read(s => (
            ids.SelectMany(id => s.Referencing(Line, "order_id", id)).Select(l => l.Id).ToArray(),
            ids.SelectMany(id => s.Referencing(Picking, "sale_id", id)).Select(p => p.Id).ToArray()));
        tx.Unlink(Line, lines);
        if (pickings.Length > 0) tx.Write(Picking, pickings, new Dictionary<string, object?> { ["sale_id"] = null });
    }

    /// <summary>A line added to an existing order: refused on a locked or cancelled order; on a confirmed one its
    /// demand joins the open delivery (Odoo's procurement).</summary>
    public static void OnLineCreate(OdooTransaction tx, long id, IReadOnlyDictionary<string, object?> values)
    {
        var orderId = values.TryGetValue("order_id", out var o) ? (long?)FieldValues.ToStored(OrderField, o) : null;
        if (orderId is null || tx.Read(s => s.Find(Order, orderId.Value)) is not { } order) return; // created with its order
        CheckLinesEditable(order, ProtectedLineFields);
        var isSection = values.TryGetValue("display_type", out var d) && FieldValues.ToStored(DisplayTypeField, d) is not null;
        if (order["state"] is not "sale" || isSection) return;
        var product = values.TryGetValue("product_id", out var p) ? (long?)FieldValues.ToStored(ProductField, p) : null;
        if (product is null) throw OdooFault.User("A line on these orders missing a product, you cannot confirm it.");
        var quantity = values.TryGetValue("product_uom_qty", out var q) ? Qty(FieldValues.ToStored(QuantityField, q)) : 1m;
        var name = values.TryGetValue("name", out var n) ? FieldValues.ToStored(NameField, n) as string : null;
        AddMoves(tx, Ledger(tx), order, [new Demand(id, product.Value, name, quantity)]);
    }

    /// <summary>A line edit: refused on a locked or cancelled order; a new quantity on a confirmed order changes
    /// the open move's demand and reservation.</summary>
    public static void OnLineWrite(OdooTransaction tx, IReadOnlyList<long> ids, IReadOnlyDictionary<string, object?> values)
    {
        var touched = ProtectedLineFields.Where(values.ContainsKey).ToArray();
        if (touched.Length == 0) return;
        var lines = tx.Read(s => ids.Select(id => s.Find(Line, id)).OfType<OdooRecord>()
            .Select(l => (Line: l, Order: s.Find(Order, (long?)l["order_id"] ?? 0))).ToArray());
        foreach (var (_, order) in lines)
            if (order is not null) CheckLinesEditable(order, touched);
        if (!values.TryGetValue("product_uom_qty", out var raw)) return;
        var quantity = Qty(FieldValues.ToStored(QuantityField, raw));
        var ledger = Ledger(tx);
        foreach (var (line, order) in lines)
            if (order?["state"] is "sale" && line["display_type"] is null && line["product_id"] is long)
                ChangeDemand(tx, ledger, order, line, quantity);
    }

    /// <summary>A line deletion: refused on a locked order and, as Odoo 18 does, on a confirmed one.</summary>
    public static void OnLineUnlink(OdooTransaction tx, IReadOnlyList<long> ids)
    {
        var lines = tx.Read(s => ids.Select(id => s.Find(Line, id)).OfType<OdooRecord>()
            .Select(l => (Line: l, Order: s.Find(Order, (long?)l["order_id"] ?? 0))).ToArray());
        foreach (var (line, order) in lines)
        {
            if (order is null) continue;
            if (order["locked"] is true)
                throw OdooFault.User("It is forbidden to modify the following fields in a locked order:\norder_line");
            if (order["state"] is "sale" && line["display_type"] is null)
                throw OdooFault.User("Once a sales order is confirmed, you can't remove one of its lines (we need to track " +
                                     "if something gets invoiced or delivered).\nSet the quantity to 0 instead.");
        }
    }

    // ---- helpers ----

    // One quant ledger per transaction, so every step of it sees the reservations of the steps before.
    private static readonly ConditionalWeakTable<OdooTransaction, Reservations> Ledgers = new();

    private static Reservations Ledger(OdooTransaction tx) => Ledgers.GetValue(tx, t => new Reservations(t));

    private sealed record Demand(long LineId, long ProductId, string? Name, decimal Quantity);

    private static readonly OdooField PartnerField = new("partner_id", OdooFieldType.Many2One);
    private static readonly OdooField OrderField = new("order_id", OdooFieldType.Many2One);
    private static readonly OdooField ProductField = new("product_id", OdooFieldType.Many2One);
    private static readonly OdooField QuantityField = new("product_uom_qty", OdooFieldType.Float);
    private static readonly OdooField NameField = new("name", OdooFieldType.Char);
    private static readonly OdooField DisplayTypeField = new("display_type", OdooFieldType.Selection);

    private static void CheckLinesEditable(OdooRecord order, IReadOnlyList<string> fields)
    {
        if (order["locked"] is true)
            throw OdooFault.User($"It is forbidden to modify the following fields in a locked order:\n{string.Join("\n", fields)}");
        if (order["state"] is "cancel")
            throw OdooFault.User($"The lines of the cancelled order {order["name"]} cannot be modified.");
    }

    private static OdooRecord[] Orders(OdooTransaction tx, IReadOnlyList<long> ids)
    {
        var distinct = ids.Distinct().ToArray();
        var found = tx.Read(s => distinct.Select(id => s.Find(Order, id)).ToArray());
        var missing = distinct.Where((_, i) => found[i] is null).ToArray();
        if (missing.Length > 0) throw OdooFault.Missing(Order, missing, tx.Uid);
        return found!;
    }

    private static OdooRecord[] LinesOf(IRecordSource source, long orderId) =>
        source.Referencing(Line, "order_id", orderId).OrderBy(l => l.Id).ToArray();

    private static bool IsOpen(OdooRecord picking) => picking["state"] is not ("done" or "cancel");

    private static decimal Qty(object? value) => value is decimal d ? d : 0m;

    private static string MoveState(decimal demand, decimal reserved) =>
        reserved >= demand ? "assigned" : reserved > 0m ? "partially_available" : "confirmed";

    // "Ready" only when every move is fully reserved (shipping policy "When all products are ready").
    private static string PickingState(IReadOnlyCollection<string> moveStates) =>
        moveStates.Count == 0 ? "assigned"
        : moveStates.All(s => s == "assigned") ? "assigned"
        : "confirmed";

    // Demands join the order's open outgoing picking, or a new one; each reserves what its warehouse has free.
    private static void AddMoves(OdooTransaction tx, Reservations ledger, OdooRecord order, IReadOnlyList<Demand> demands)
    {
        var warehouse = (long?)order["warehouse_id"];
        var reserved = demands.Select(d => warehouse is { } w ? ledger.Reserve(d.ProductId, w, d.Quantity) : 0m).ToArray();
        var states = demands.Select((d, i) => MoveState(d.Quantity, reserved[i])).ToArray();
        var open = tx.Read(s => s.Referencing(Picking, "sale_id", order.Id).Where(IsOpen).MinBy(p => p.Id));
        long pickingId;
        if (open is null)
        {
            pickingId = tx.Create(Picking, new Dictionary<string, object?>
            {
                ["sale_id"] = order.Id,
                ["partner_id"] = order["partner_id"],
                ["warehouse_id"] = warehouse,
                ["company_id"] = order["company_id"],
                ["origin"] = order["name"],
                ["picking_type_code"] = "outgoing",
                ["state"] = PickingState(states),
            });
        }
        else
        {
            pickingId = open.Id;
            var existing = tx.Read(s => s.Referencing(Move, "picking_id", open.Id)
                .Where(m => m["state"] is not ("done" or "cancel")).Select(m => (string)m["state"]!).ToArray());
            tx.Write(Picking, [pickingId], new Dictionary<string, object?> { ["state"] = PickingState([.. existing, .. states]) });
        }
        for (var i = 0; i < demands.Count; i++)
        {
            tx.Create(Move, new Dictionary<string, object?>
            {
                ["name"] = demands[i].Name,
                ["origin"] = order["name"],
                ["product_id"] = demands[i].ProductId,
                ["warehouse_id"] = warehouse,
                ["picking_id"] = pickingId,
                ["sale_line_id"] = demands[i].LineId,
                ["product_uom_qty"] = demands[i].Quantity,
                ["quantity"] = reserved[i],
                ["reserved_availability"] = reserved[i],
                ["state"] = states[i],
            });
        }
        if (open is null) RecomputeDeliveryStatus(tx, order.Id, new Dictionary<long, string> { [pickingId] = PickingState(states) }, false);
    }

    private static void ChangeDemand(OdooTransaction tx, Reservations ledger, OdooRecord order, OdooRecord line, decimal quantity)
    {
        var (open, doneQuantity) = tx.Read(s =>
        {
            var moves = s.Referencing(Move, "sale_line_id", line.Id).ToArray();
            return (moves.Where(m => m["state"] is not ("done" or "cancel")).MinBy(m => m.Id),
                moves.Where(m => m["state"] is "done").Sum(m => Qty(m["quantity"])));
        });
        if (open is null)
        {
            // Everything so far delivered: more quantity is a new delivery.
            if (quantity > doneQuantity)
                AddMoves(tx, ledger, order, [new Demand(line.Id, (long)line["product_id"]!, line["name"] as string, quantity - doneQuantity)]);
            return;
        }
        var demand = Math.Max(0m, quantity - doneQuantity);
        var reserved = Qty(open["reserved_availability"]);
        var warehouse = (long?)open["warehouse_id"];
        if (demand < reserved)
        {
            if (warehouse is { } w) ledger.Release((long)open["product_id"]!, w, reserved - demand);
            reserved = demand;
        }
        else if (demand > reserved && warehouse is { } w)
        {
            reserved += ledger.Reserve((long)open["product_id"]!, w, demand - reserved);
        }
        var state = MoveState(demand, reserved);
        tx.Write(Move, [open.Id], new Dictionary<string, object?>
        {
            ["product_uom_qty"] = demand, ["quantity"] = reserved, ["reserved_availability"] = reserved, ["state"] = state,
        });
        if (open["picking_id"] is long pickingId)
        {
            var others = tx.Read(s => s.Referencing(Move, "picking_id", pickingId)
                .Where(m => m.Id != open.Id && m["state"] is not ("done" or "cancel")).Select(m => (string)m["state"]!).ToArray());
            tx.Write(Picking, [pickingId], new Dictionary<string, object?> { ["state"] = PickingState([.. others, state]) });
        }
    }

    private static void CancelPicking(OdooTransaction tx, Reservations ledger, OdooRecord picking)
    {
        var moves = tx.Read(s => s.Referencing(Move, "picking_id", picking.Id).Where(m => m["state"] is not ("done" or "cancel")).ToArray());
        foreach (var move in moves)
        {
            if (picking["warehouse_id"] is long w) ledger.Release((long)move["product_id"]!, w, Qty(move["reserved_availability"]));
            tx.Write(Move, [move.Id], new Dictionary<string, object?>
            {
                ["quantity"] = 0m, ["reserved_availability"] = 0m, ["state"] = "cancel",
            });
        }
        tx.Write(Picking, [picking.Id], new Dictionary<string, object?> { ["state"] = "cancel" });
    }

    // delivery_status is a stored compute over the pickings' states: written whenever one changes.
    private static void RecomputeDeliveryStatus(OdooTransaction tx, long orderId, IReadOnlyDictionary<long, string> changed, bool delivering)
    {
        var (states, delivered) = tx.Read(s => (
            s.Referencing(Picking, "sale_id", orderId).ToDictionary(p => p.Id, p => (string)p["state"]!),
            s.Referencing(Line, "order_id", orderId).Any(l => Qty(l["qty_delivered"]) > 0m)));
        foreach (var (id, state) in changed) states[id] = state;
        tx.Write(Order, [orderId], new Dictionary<string, object?>
        {
            ["delivery_status"] = SaleModels.DeliveryStatus(states.Values, delivered || delivering),
        });
    }

    /// <summary>
    /// Quant changes of one transaction: reads the committed quants once per (product, warehouse), keeps this
    /// transaction's own changes on top, and stages each change as an increment.
    /// </summary>
    private sealed class Reservations(OdooTransaction tx)
    {
        private readonly Dictionary<(long, long), List<Quant>> _quants = [];

        private sealed class Quant(long id, decimal quantity, decimal reserved)
        {
            public long Id { get; } = id;
            public decimal Quantity { get; set; } = quantity;
            public decimal Reserved { get; set; } = reserved;
        }

        /// <summary>Reserves up to <paramref name="amount"/> of what is free; how much it got.</summary>
        public decimal Reserve(long product, long warehouse, decimal amount)
        {
            var taken = 0m;
            foreach (var quant in Quants(product, warehouse))
            {
                if (taken >= amount) break;
                var take = Math.Min(quant.Quantity - quant.Reserved, amount - taken);
                if (take <= 0m) continue;
                Adjust(quant, 0m, take);
                taken += take;
            }
            return taken;
        }

        public void Release(long product, long warehouse, decimal amount)
        {
            foreach (var quant in Quants(product, warehouse))
            {
                if (amount <= 0m) break;
                var take = Math.Min(quant.Reserved, amount);
                if (take <= 0m) continue;
                Adjust(quant, 0m, -take);
                amount -= take;
            }
        }

        /// <summary>Takes <paramref name="amount"/> out of stock; what the quants lack goes negative, as a forced
        /// delivery does in Odoo.</summary>
        public void Consume(long product, long warehouse, decimal amount)
        {
            if (amount <= 0m) return;
            var quants = Quants(product, warehouse);
            foreach (var quant in quants)
            {
                if (amount <= 0m) break;
                var take = Math.Min(Math.Max(quant.Quantity, 0m), amount);
                if (take <= 0m) continue;
                Adjust(quant, -take, 0m);
                amount -= take;
            }
            if (amount <= 0m) return;
            if (quants.Count > 0)
            {
                Adjust(quants[0], -amount, 0m);
                return;
            }
            var id = tx.Create(ProductModels.Quant, new Dictionary<string, object?>
            {
                ["product_id"] = product, ["warehouse_id"] = warehouse, ["quantity"] = -amount,
            });
            quants.Add(new Quant(id, -amount, 0m));
        }

        private List<Quant> Quants(long product, long warehouse)
        {
            if (_quants.TryGetValue((product, warehouse), out var cached)) return cached;
            var quants = tx.Read(s => s.Referencing(ProductModels.Quant, "product_id", product)
                .Where(q => q["warehouse_id"] is long w && w == warehouse).OrderBy(q => q.Id)
                .Select(q => new Quant(q.Id, Qty(q["quantity"]), Qty(q["reserved_quantity"]))).ToList());
            _quants[(product, warehouse)] = quants;
            return quants;
        }

        private void Adjust(Quant quant, decimal quantity, decimal reserved)
        {
            quant.Quantity += quantity;
            quant.Reserved = Math.Max(0m, quant.Reserved + reserved);
            tx.Update(ProductModels.Quant, quant.Id, q => new Dictionary<string, object?>
            {
                ["quantity"] = Qty(q["quantity"]) + quantity,
                ["reserved_quantity"] = Math.Max(0m, Qty(q["reserved_quantity"]) + reserved),
            });
        }
    }
}
