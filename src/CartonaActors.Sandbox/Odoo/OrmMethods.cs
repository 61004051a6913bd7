using System.Text.Json;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>The ORM methods every model answers: search_read, read, search, search_count, create, write, unlink.</summary>
internal static class OrmMethods
{
    public static readonly IReadOnlyDictionary<string, OdooMethod> All = new Dictionary<string, OdooMethod>(StringComparer.Ordinal)
    {
        ["search_read"] = call => Task.FromResult<object?>(SearchRead(call)),
        ["read"] = call => Task.FromResult<object?>(Read(call)),
        ["search"] = call => Task.FromResult<object?>(Search(call)),
        ["search_count"] = call => Task.FromResult<object?>(SearchCount(call)),
        ["create"] = CreateAsync,
        ["write"] = WriteAsync,
        ["unlink"] = UnlinkAsync,
        ["check_access_rights"] = call => Task.FromResult<object?>(CheckAccessRights(call)),
    };

    // @api.model check_access_rights(operation, raise_exception=True): ir.model.access for the calling user.
    private static bool CheckAccessRights(OdooMethodCall call)
    {
        var operation = StringOrNull(call.Arg(0, "operation"));
        if (operation is not ("read" or "write" or "create" or "unlink"))
            throw OdooFault.Value($"Invalid access mode: {operation}");
        if (ModelAccess.Allows(call.Options, call.Model.Name, operation)) return true;
        var raise = call.Arg(1, "raise_exception");
        if (raise.ValueKind is JsonValueKind.False or JsonValueKind.Null) return false;
        throw ModelAccess.Refusal(call.Model.Name, operation);
    }

    private static List<List<KeyValuePair<string, object?>>> SearchRead(OdooMethodCall call)
    {
        var fields = RecordFormatter.Resolve(call.Model, Strings(call.Arg(1, "fields")));
        var formatter = Formatter(call, fields);
        return call.Store.Read(source =>
        {
            var context = call.ComputeContext(source);
            return Matching(call, source, 2).Select(r => formatter.Format(r, context)).ToList();
        });
    }

    private static List<List<KeyValuePair<string, object?>>> Read(OdooMethodCall call)
    {
        var ids = call.Ids();
        var fields = RecordFormatter.Resolve(call.Model, Strings(call.Arg(1, "fields")));
        var formatter = Formatter(call, fields);
        return call.Store.Read(source =>
        {
            var missing = ids.Where(id => source.Find(call.Model.Name, id) is null).ToArray();
            if (missing.Length > 0) throw OdooFault.Missing(call.Model.Name, missing, call.Uid);
            var context = call.ComputeContext(source);
            return ids.Distinct().Select(id => formatter.Format(source.Find(call.Model.Name, id)!, context)).ToList();
        });
    }

    private static List<long> Search(OdooMethodCall call) =>
        call.Store.Read(source => Matching(call, source, 1).Select(r => r.Id).ToList());

    private static int SearchCount(OdooMethodCall call) =>
        call.Store.Read(source => Filtered(call, source).Count());

    private static async Task<object?> CreateAsync(OdooMethodCall call)
    {
        var arg = call.Arg(0, "vals_list");
        var many = arg.ValueKind == JsonValueKind.Array;
        var valsList = many ? arg.EnumerateArray().ToArray() : [arg];
        var ids = new List<long>();
        await call.TransactAsync(tx =>
        {
            foreach (var vals in valsList) ids.Add(tx.Create(call.Model.Name, Values(call, vals)));
        });
        return many ? ids : ids[0];
    }

    private static async Task<object?> WriteAsync(OdooMethodCall call)
    {
        var ids = call.Ids();
        var vals = Values(call, call.Arg(1, "vals"));
        await call.TransactAsync(tx => tx.Write(call.Model.Name, ids, vals));
        return true;
    }

    private static async Task<object?> UnlinkAsync(OdooMethodCall call)
    {
        var ids = call.Ids();
        await call.TransactAsync(tx => tx.Unlink(call.Model.Name, ids));
        return true;
    }

    /// <summary>Records matching the call's domain (with active_test), ordered, offset and limit applied.
    /// <paramref name="offsetIndex"/> is where offset, limit, order sit when passed positionally
    /// (<c>search_read(domain, fields, offset, limit, order)</c>, <c>search(domain, offset, limit, order)</c>).</summary>
    private static IEnumerable<OdooRecord> Matching(OdooMethodCall call, IRecordSource source, int offsetIndex)
    {
        var order = RecordOrder.Parse(call.Model, StringOrNull(call.Arg(offsetIndex + 2, "order")));
        var offset = IntOrNull(call.Arg(offsetIndex, "offset")) ?? 0;
        var limit = IntOrNull(call.Arg(offsetIndex + 1, "limit"));
        // A keyset page of committed records: walk the primary key from the bound and stop after the page.
        if (limit is { } pageSize && order.IsIdAscending && source is OdooStore store && IdNarrowing.LowerBound(call.Arg(0, "domain")) is { } from)
            return Filtered(call, store.AscendingFrom(call.Model.Name, from)).Skip(offset).Take(pageSize).ToList();
        var sorted = Filtered(call, source).Order(order).Skip(offset);
        return limit is { } l ? sorted.Take(l).ToList() : sorted.ToList();
    }

    private static IEnumerable<OdooRecord> Filtered(OdooMethodCall call, IRecordSource source)
    {
        var ids = IdNarrowing.InList(call.Arg(0, "domain"));
        return Filtered(call, ids is null ? source.All(call.Model.Name) : ids.Select(id => source.Find(call.Model.Name, id)).OfType<OdooRecord>());
    }

    private static IEnumerable<OdooRecord> Filtered(OdooMethodCall call, IEnumerable<OdooRecord> candidates)
    {
        var domain = DomainFilter.Compile(call.Model, call.Arg(0, "domain"));
        var hideArchived = call.Model.HasActive && call.ActiveTest && !domain.MentionsActive;
        return candidates.Where(r => domain.Matches(r) && (!hideArchived || r["active"] is true));
    }

    private static RecordFormatter Formatter(OdooMethodCall call, IReadOnlyList<OdooField> fields)
    {
        // load defaults to "_classic_read" ([id, name] pairs); JSON null (Python None) sends bare ids.
        var classic = !call.Kwargs.TryGetValue("load", out var load) || load.ValueKind == JsonValueKind.String;
        return new RecordFormatter(call.Store, call.Model, fields, classic);
    }

    private static Dictionary<string, object?> Values(OdooMethodCall call, JsonElement vals)
    {
        if (vals.ValueKind != JsonValueKind.Object) throw OdooFault.Type($"{call.Model.Name}.{call.Method}(): values must be a dict");
        return vals.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
    }

    private static IReadOnlyList<string> Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(e => e.GetString() ?? "").ToArray() : [];

    private static string? StringOrNull(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? IntOrNull(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
