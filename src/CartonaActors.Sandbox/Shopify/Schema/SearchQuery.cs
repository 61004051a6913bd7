using System.Text;

namespace CartonaActors.Sandbox.Shopify.Schema;

/// <summary>One <c>field:[op]value</c> term of Shopify's search syntax; <see cref="Op"/> is "", ">", ">=", "&lt;" or "&lt;=".</summary>
internal sealed record SearchTerm(string Field, string Op, string Value);

/// <summary>
/// Shopify's search query syntax, the part the emulator needs: terms <c>field:value</c> with an optional
/// comparison (<c>updated_at:&gt;='2026-12-04T10:00:00Z'</c>), values bare or quoted with ' or " (backslash
/// escapes the next character, so quoted values may hold spaces and quotes), terms side by side ANDed and
/// groups joined by <c>OR</c>. Parentheses are ignored. The result is OR-of-ANDs.
/// </summary>
internal static class SearchQuery
{
    public static IReadOnlyList<IReadOnlyList<SearchTerm>> Parse(string? query)
    {
        var groups = new List<IReadOnlyList<SearchTerm>>();
        if (string.IsNullOrWhiteSpace(query)) return groups;
        var current = new List<SearchTerm>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c) || c is '(' or ')')
            {
                i++;
                continue;
            }
            var word = ReadValue(query, ref i, stopAtColon: true);
            if (i < query.Length && query[i] == ':')
            {
                i++;
                var op = "";
                while (i < query.Length && query[i] is '>' or '<' or '=')
                {
                    if (query[i] != '=' || op.Length > 0) op += query[i];
                    i++;
                }
                current.Add(new SearchTerm(word.ToLowerInvariant(), op, ReadValue(query, ref i, stopAtColon: false)));
            }
            else if (word == "OR")
            {
                if (current.Count > 0) groups.Add(current);
                current = [];
            }
            else if (word is not ("AND" or ""))
            {
                current.Add(new SearchTerm("", "", word));
            }
        }
        if (current.Count > 0) groups.Add(current);
        return groups;
    }

    private static string ReadValue(string query, ref int i, bool stopAtColon)
    {
        var value = new StringBuilder();
        if (i < query.Length && query[i] is '"' or '\'')
        {
            var quote = query[i++];
            while (i < query.Length && query[i] != quote)
            {
                if (query[i] == '\\' && i + 1 < query.Length) i++;
                value.Append(query[i++]);
            }
            i++;
            return value.ToString();
        }
        while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] != ')' && !(stopAtColon && query[i] == ':'))
        {
            if (query[i] == '\\' && i + 1 < query.Length) i++;
            value.Append(query[i++]);
        }
        return value.ToString();
    }
}
