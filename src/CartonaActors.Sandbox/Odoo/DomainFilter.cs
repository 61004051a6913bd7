using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// Evaluates an Odoo domain against stored records: leaves <c>[field, op, value]</c> with
/// <c>= != &gt; &gt;= &lt; &lt;= in "not in" like "not like" ilike "not ilike" =like =ilike child_of</c>, prefix
/// operators <c>&amp; | !</c>, implicit AND. Values compare as the field's type (datetime strings as instants,
/// many2one as ids, <c>false</c> as empty). Only stored fields are searchable, as in Odoo without a search method.
/// </summary>
internal static class DomainFilter
{
    public sealed record Compiled(Func<OdooRecord, bool> Matches, bool MentionsActive);

    public static Compiled Compile(OdooModel model, JsonElement domain)
    {
        if (domain.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return new(_ => true, false);
        if (domain.ValueKind != JsonValueKind.Array) throw OdooFault.Value($"Invalid domain: {domain.GetRawText()}");
        var items = domain.EnumerateArray().ToArray();
        var position = 0;
        var mentionsActive = false;
        var terms = new List<Func<OdooRecord, bool>>();
        while (position < items.Length) terms.Add(Parse(model, items, ref position, ref mentionsActive));
        return new(record => terms.TrueForAll(t => t(record)), mentionsActive);
    }

    private static Func<OdooRecord, bool> Parse(OdooModel model, JsonElement[] items, ref int position, ref bool mentionsActive)
    {
        if (position >= items.Length) throw OdooFault.Value("Invalid domain: an operator lacks its operands");
        var item = items[position++];
        if (item.ValueKind == JsonValueKind.String)
        {
            switch (item.GetString())
            {
                case "&":
                {
                    var left = Parse(model, items, ref position, ref mentionsActive);
                    var right = Parse(model, items, ref position, ref mentionsActive);
                    return r => left(r) && right(r);
                }
                case "|":
                {
                    var left = Parse(model, items, ref position, ref mentionsActive);
                    var right = Parse(model, items, ref position, ref mentionsActive);
                    return r => left(r) || right(r);
                }
                case "!":
                {
                    var inner = Parse(model, items, ref position, ref mentionsActive);
                    return r => !inner(r);
                }
            }
        }
        if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 3)
            throw OdooFault.Value($"Invalid leaf {item.GetRawText()}");
        return Leaf(model, item, ref mentionsActive);
    }

    private static Func<OdooRecord, bool> Leaf(OdooModel model, JsonElement leaf, ref bool mentionsActive)
    {
        var left = FieldValues.FromJson(leaf[0]);
        var op = leaf[1].GetString() ?? "";
        // Odoo's TRUE_LEAF / FALSE_LEAF: (1, '=', 1) and (0, '=', 1).
        if (left is long constant) return _ => constant == 1;
        var name = left as string ?? throw OdooFault.Value($"Invalid leaf {leaf.GetRawText()}");
        var field = model.Find(name) ?? throw OdooFault.InvalidField(model.Name, name);
        if (!field.IsStored && name != "id")
            throw OdooFault.Value($"Non-stored field {model.Name}.{name} cannot be searched.");
        if (name == "active") mentionsActive = true;

        var raw = FieldValues.FromJson(leaf[2]);
        if (field.IsMany2Many) return Many2ManyLeaf(model, field, op, raw, leaf);
        switch (op)
        {
            case "in" or "not in" or "child_of" or "parent_of":
            {
                var values = (raw is IList list ? list.Cast<object?>() : [raw]).Select(v => Stored(field, v)).ToHashSet();
                var negate = op == "not in";
                return r => values.Contains(r[name]) != negate;
            }
            case "=" or "!=":
            {
                var value = Stored(field, raw);
                var negate = op == "!=";
                return r => Equals(Normalised(field, r[name]), value) != negate;
            }
            case ">" or ">=" or "<" or "<=":
            {
                var value = Stored(field, raw) ?? throw OdooFault.Value($"Invalid leaf {leaf.GetRawText()}");
                return r => r[name] is { } stored && Satisfies(op, Comparer.Default.Compare(stored, value));
            }
            case "like" or "not like" or "ilike" or "not ilike" or "=like" or "=ilike":
            {
                var pattern = Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                var ignoreCase = op.Contains("ilike", StringComparison.Ordinal);
                var regex = new Regex(op.StartsWith('=') ? LikeToRegex(pattern) : ".*" + LikeToRegex("%" + pattern + "%"),
                    RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
                var negate = op.StartsWith("not", StringComparison.Ordinal);
                return r => (r[name] is string s && regex.IsMatch(s)) != negate;
            }
            default:
                throw OdooFault.Value($"Invalid leaf {leaf.GetRawText()}");
        }
    }

    // Odoo on a many2many: "in" / "=" match records linked to any of the ids, "not in" / "!=" those linked to none;
    // "= False" matches records linked to nothing.
    private static Func<OdooRecord, bool> Many2ManyLeaf(OdooModel model, OdooField field, string op, object? raw, JsonElement leaf)
    {
        if (op is not ("in" or "not in" or "=" or "!=")) throw OdooFault.Value($"Invalid leaf {leaf.GetRawText()} on {model.Name}.{field.Name}");
        var negate = op is "not in" or "!=";
        var name = field.Name;
        if (raw is null or false) return r => ((r[name] as long[])?.Length > 0) == negate;
        var idField = new OdooField("id", OdooFieldType.Integer);
        var ids = (raw is IList list ? list.Cast<object?>() : [raw]).Select(v => FieldValues.ToStored(idField, v)).OfType<long>().ToHashSet();
        return r => (r[name] is long[] linked && linked.Any(ids.Contains)) != negate;
    }

    // A boolean stored empty (None) reads as False in Odoo's "= False" leaf.
    private static object? Normalised(OdooField field, object? value) =>
        field.Type == OdooFieldType.Boolean ? value ?? false : value;

    private static object? Stored(OdooField field, object? value) =>
        field.Name == "id" ? FieldValues.ToStored(new OdooField("id", OdooFieldType.Integer), value)
            : field.Type == OdooFieldType.Boolean && value is null ? false
            : FieldValues.ToStored(field, value);

    private static bool Satisfies(string op, int comparison) => op switch
    {
        ">" => comparison > 0,
        ">=" => comparison >= 0,
        "<" => comparison < 0,
        _ => comparison <= 0,
    };

    private static string LikeToRegex(string pattern) =>
        "^" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$";
}
