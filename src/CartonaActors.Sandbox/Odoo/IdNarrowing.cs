using System.Text.Json;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// PostgreSQL answers Odoo's id-bounded searches from the primary key; the emulator narrows them the same way, so
/// a keyset page (<c>id &gt; n</c>, ordered by id) or an <c>id in [...]</c> read of a million-row table costs the
/// page, not the table. Only for a domain that is a plain AND of leaves (no prefix operator), where a top-level
/// id leaf bounds every match; the whole domain is still evaluated on the records it leaves.
/// </summary>
internal static class IdNarrowing
{
    /// <summary>The ids of a top-level <c>["id", "in", [...]]</c> leaf, or null.</summary>
    public static IReadOnlyCollection<long>? InList(JsonElement domain)
    {
        foreach (var (field, op, value) in PlainLeaves(domain))
        {
            if (field != "id" || op != "in" || value.ValueKind != JsonValueKind.Array) continue;
            var ids = new HashSet<long>();
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var id)) return null;
                ids.Add(id);
            }
            return ids;
        }
        return null;
    }

    /// <summary>The smallest id a top-level <c>["id", "&gt;" or "&gt;=", n]</c> leaf allows, or null.</summary>
    public static long? LowerBound(JsonElement domain)
    {
        foreach (var (field, op, value) in PlainLeaves(domain))
            if (field == "id" && op is ">" or ">=" && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n))
                return op == ">" ? n + 1 : n;
        return null;
    }

    /// <summary>Every leaf when the domain is a list of leaves only; nothing when it has a prefix operator.</summary>
    private static List<(string Field, string Op, JsonElement Value)> PlainLeaves(JsonElement domain)
    {
        var leaves = new List<(string, string, JsonElement)>();
        if (domain.ValueKind != JsonValueKind.Array) return leaves;
        foreach (var item in domain.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Array) return [];
            var parts = item.EnumerateArray().ToArray();
            if (parts.Length != 3 || parts[0].ValueKind != JsonValueKind.String || parts[1].ValueKind != JsonValueKind.String) return [];
            leaves.Add((parts[0].GetString()!, parts[1].GetString()!, parts[2]));
        }
        return leaves;
    }
}
