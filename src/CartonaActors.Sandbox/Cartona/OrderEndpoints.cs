using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// The supplier's order calls: <c>GET order/pull-orders</c> (the ack queue), <c>POST
/// order/update-order-status/&lt;hashed_id&gt;</c> (acknowledgement and status changes, checked against the state
/// machine, errors per order), <c>POST order/update-order-status</c> (the same for an array of orders, reporting
/// no per-order failure: it answers the list of what it applied) and <c>POST order/update-order-details</c> (line
/// edits). A supplier only ever sees its own orders.
/// </summary>
internal sealed class OrderEndpoints(CartonaEmulatorOptions options, CartonaOrderBook book)
{
    public const string PullPath = "order/pull-orders";
    public const string StatusPathPrefix = "order/update-order-status/";
    public const string BulkStatusPath = "order/update-order-status";
    public const string DetailsPath = "order/update-order-details";
    private const int MaxPerPage = 100;

    public EndpointResult Pull(string token, IQueryCollection query)
    {
        if (!TryReadPositive(query, "page", 1, out var page))
            return EndpointResult.Error(400, "page must be a positive integer");
        if (!TryReadPositive(query, "per_page", MaxPerPage, out var perPage))
            return EndpointResult.Error(400, "per_page must be a positive integer");
        perPage = Math.Min(perPage, MaxPerPage);
        var pricesAsText = options.OrderPricesAsText;

        var json = book.Locked(() =>
        {
            var orders = book.Queue(token).Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * perPage)).Take(perPage).ToList();
            // What was returned is what a later "synced" acknowledges.
            foreach (var order in orders) order.LastPulledVersion = order.Version;
            return JsonText.Write(w =>
            {
                w.WriteStartArray();
                foreach (var order in orders) OrderJson.Write(w, order, pricesAsText);
                w.WriteEndArray();
            });
        });
        return new EndpointResult(200, json);
    }

    public EndpointResult UpdateStatus(string token, string hashedId, string body)
    {
        if (!TryParse(body, JsonValueKind.Object, out var root))
            return EndpointResult.Error(400, "request body must be a JSON object");
        var status = Text(root, "status");
        if (string.IsNullOrEmpty(status)) return Refusal(422, "invalid_status", "status is required");
        if (Text(root, "hashed_id") is { } bodyId && bodyId != hashedId)
            return Refusal(422, "hashed_id_mismatch", $"hashed_id {bodyId} in the body does not match {hashedId} in the URL");
        return book.Locked(() => Apply(token, hashedId, status, root));
    }

    /// <summary>Each entry applied as the single-order call would; entries it refuses are left out of the
    /// answer, never reported (as Cartona documents for the bulk endpoint).</summary>
    public EndpointResult UpdateStatuses(string token, string body)
    {
        if (!TryParse(body, JsonValueKind.Array, out var root))
            return EndpointResult.Error(400, "request body must be a JSON array of {hashed_id, status}");
        return book.Locked(() =>
        {
            var applied = new List<(string HashedId, string Status)>();
            foreach (var entry in root.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || Text(entry, "hashed_id") is not { Length: > 0 } hashedId
                    || Text(entry, "status") is not { Length: > 0 } status) continue;
                if (Apply(token, hashedId, status, entry).Status == 200) applied.Add((hashedId, status));
            }
            return new EndpointResult(200, JsonText.Write(w =>
            {
                w.WriteStartArray();
                foreach (var (hashedId, status) in applied)
                {
                    w.WriteStartObject();
                    w.WriteString("hashed_id", hashedId);
                    w.WriteString("status", status);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
        });
    }

    /// <summary>One status change or acknowledgement, under the book's lock.</summary>
    private EndpointResult Apply(string token, string hashedId, string status, JsonElement root)
    {
        var otp = Text(root, "retailer_otp");
        var reason = Text(root, "cancellation_reason");
        var order = book.Find(token, hashedId);
        if (order is null) return Refusal(404, "not_found", $"order {hashedId} not found");
        if (status == CartonaOrderStatus.Synced)
        {
            // Acknowledges the version the last pull returned; a change made since then stays queued.
            order.AckedVersion = Math.Max(order.AckedVersion, order.LastPulledVersion);
            return Ok(o => { o.WriteString("hashed_id", hashedId); o.WriteNumber("acked_version", order.AckedVersion); });
        }
        if (order.Status == CartonaOrderStatus.Editing)
            return Refusal(422, "order_being_edited", "order is being edited by the retailer");
        if (order.DeliveredBy == CartonaOrderStatus.DeliveredByCartona && status != CartonaOrderStatus.CancelledBySupplier)
            return Refusal(422, "delivered_by_cartona",
                $"order {hashedId} is delivered by Cartona; the supplier may only send cancelled_by_supplier");
        if (status == order.Status)
            return Ok(o => { o.WriteString("hashed_id", hashedId); o.WriteString("status", status); });
        if (!CartonaOrderStatus.SupplierMaySend.Contains(status) || !CartonaOrderStatus.SupplierMayMove(order.Status, status))
            return Refusal(422, "invalid_transition", $"cannot move order {hashedId} from {order.Status} to {status}");
        if (status == CartonaOrderStatus.Delivered && order.RequiresOtp && (otp is null || otp != order.Otp))
            return Refusal(422, "invalid_otp",
                otp is null ? "retailer_otp is required to deliver this order" : "retailer_otp is wrong");
        if (status == CartonaOrderStatus.CancelledBySupplier && (reason is null || !CartonaOrderStatus.CancellationReasons.Contains(reason)))
            return Refusal(422, "invalid_cancellation_reason",
                $"cancellation_reason must be one of: {string.Join(", ", CartonaOrderStatus.CancellationReasons)}");

        order.StatusHistory.Add(new SupplierStatusChange(book.Now(), order.Status, status, otp,
            status == CartonaOrderStatus.CancelledBySupplier ? reason : null));
        if (status == CartonaOrderStatus.CancelledBySupplier) order.CancellationReason = reason;
        order.Status = status;
        return Ok(o => { o.WriteString("hashed_id", hashedId); o.WriteString("status", status); });
    }

    public EndpointResult UpdateDetails(string token, string body)
    {
        if (!TryParse(body, JsonValueKind.Array, out var root))
            return EndpointResult.Error(400, "request body must be a JSON array of {hashed_id, order_details}");

        return book.Locked(() =>
        {
            // Everything is checked first and applied only if every entry is valid: no half-applied request.
            var plans = new List<(CartonaOrderBook.Order Order, List<CartonaOrderLine> Details, List<SupplierDetailEdit> Edits)>();
            var failures = new List<(string? HashedId, List<string> Errors)>();
            foreach (var entry in root.EnumerateArray())
            {
                var errors = new List<string>();
                var hashedId = entry.ValueKind == JsonValueKind.Object ? Text(entry, "hashed_id") : null;
                var plan = Plan(token, entry, hashedId, errors);
                if (errors.Count > 0) failures.Add((hashedId, errors));
                else if (plan is { } p) plans.Add(p);
            }
            if (failures.Count > 0)
                return new EndpointResult(422, JsonText.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("error", "invalid_details");
                    w.WriteString("message", failures[0].Errors[0]);
                    w.WriteStartArray("failed");
                    foreach (var (id, errors) in failures)
                    {
                        w.WriteStartObject();
                        if (id is null) w.WriteNull("hashed_id");
                        else w.WriteString("hashed_id", id);
                        w.WriteStartArray("errors");
                        foreach (var e in errors) w.WriteStringValue(e);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }));

            foreach (var (order, details, edits) in plans)
            {
                order.Details = details;
                order.DetailEdits.AddRange(edits);
            }
            return new EndpointResult(200, JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("message", "order details updated");
                w.WriteStartArray("updated");
                foreach (var (order, _, edits) in plans)
                {
                    w.WriteStartObject();
                    w.WriteString("hashed_id", order.HashedId);
                    w.WriteStartArray("added_detail_ids");
                    foreach (var added in edits.Where(e => e.Kind == DetailEditKind.Added)) w.WriteNumberValue(added.DetailId);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        });
    }

    private (CartonaOrderBook.Order, List<CartonaOrderLine>, List<SupplierDetailEdit>)? Plan(
        string token, JsonElement entry, string? hashedId, List<string> errors)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            errors.Add("each entry must be a JSON object");
            return null;
        }
        if (string.IsNullOrEmpty(hashedId))
        {
            errors.Add("hashed_id is required");
            return null;
        }
        var order = book.Find(token, hashedId);
        if (order is null)
        {
            errors.Add($"order {hashedId} not found");
            return null;
        }
        if (!CartonaOrderStatus.DetailsEditable(order.Status))
        {
            errors.Add($"order {hashedId} is {order.Status}; details can be changed only while pending, approved or assigned_to_salesman");
            return null;
        }
        if (!entry.TryGetProperty("order_details", out var changes) || changes.ValueKind != JsonValueKind.Array || changes.GetArrayLength() == 0)
        {
            errors.Add("order_details must be a non-empty array");
            return null;
        }

        var details = order.Details.ToList();
        var edits = new List<SupplierDetailEdit>();
        var now = book.Now();
        var index = 0;
        foreach (var change in changes.EnumerateArray())
        {
            var at = $"order_details[{index++}]";
            if (change.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{at} must be a JSON object");
                continue;
            }
            var amount = Number(change, "amount", at, errors);
            var price = Number(change, "price", at, errors);
            var comment = Text(change, "comment");
            if (amount is <= 0) errors.Add($"{at}: amount must be positive");
            if (price is < 0) errors.Add($"{at}: price must not be negative");
            var cancelled = change.TryGetProperty("cancelled", out var c) && c.ValueKind == JsonValueKind.True;

            if (Text(change, "id") is { } idText)
            {
                if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    errors.Add($"{at}: id must be an integer");
                    continue;
                }
                var position = details.FindIndex(d => d.Id == id);
                if (position < 0)
                {
                    errors.Add($"order {hashedId} has no detail {id}");
                    continue;
                }
                var line = details[position];
                if (cancelled)
                {
                    if (line.Cancelled) continue;
                    details[position] = line with { Cancelled = true };
                    edits.Add(new SupplierDetailEdit(now, DetailEditKind.Cancelled, id, null, null, null));
                    continue;
                }
                if (line.Cancelled)
                {
                    errors.Add($"detail {id} of order {hashedId} is cancelled");
                    continue;
                }
                details[position] = line with
                {
                    Amount = amount ?? line.Amount,
                    SellingPrice = price ?? line.SellingPrice,
                    Comment = change.TryGetProperty("comment", out _) ? comment : line.Comment,
                };
                edits.Add(new SupplierDetailEdit(now, DetailEditKind.Changed, id, amount, price, comment));
                continue;
            }

            if (cancelled)
            {
                errors.Add($"{at}: id is required to cancel a detail");
                continue;
            }
            var internalId = Text(change, "internal_product_id");
            var supplierId = Text(change, "supplier_product_id");
            if (internalId is null && supplierId is null)
            {
                errors.Add($"{at}: id (to change a detail) or internal_product_id / supplier_product_id (to add one) is required");
                continue;
            }
            if (amount is null) errors.Add($"{at}: amount is required for a new detail");
            if (price is null) errors.Add($"{at}: price is required for a new detail");
            if (amount is not > 0 || price is not >= 0) continue;
            var newId = book.NextDetailId();
            details.Add(new CartonaOrderLine(newId, internalId, supplierId, ProductName: null, amount.Value, price.Value,
                0, 0, comment, Cancelled: false));
            edits.Add(new SupplierDetailEdit(now, DetailEditKind.Added, newId, amount, price, comment));
        }
        return errors.Count > 0 ? null : (order, details, edits);
    }

    private static EndpointResult Ok(Action<Utf8JsonWriter> fields) =>
        new(200, JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("message", "ok");
            fields(w);
            w.WriteEndObject();
        }));

    private static EndpointResult Refusal(int status, string error, string message) =>
        new(status, JsonText.Object(("error", error), ("message", message)));

    private static bool TryParse(string body, JsonValueKind kind, out JsonElement root)
    {
        root = default;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != kind) return false;
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A string or number value as text; null when absent, null or of another kind.</summary>
    private static string? Text(JsonElement item, string name) =>
        !item.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

    private static decimal? Number(JsonElement item, string name, string at, List<string> errors)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)) return number;
        const NumberStyles style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;
        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), style, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        errors.Add($"{at}: {name} must be a number");
        return null;
    }

    private static bool TryReadPositive(IQueryCollection query, string name, int fallback, out int value)
    {
        value = fallback;
        if (!query.TryGetValue(name, out var raw) || string.IsNullOrEmpty(raw)) return true;
        return int.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;
    }
}
