using System.Globalization;
using System.Text;
using CsCheck;

namespace CartonaActors.Tests.Fuzz;

/// <summary>
/// Generators of hostile JSON text (as strings, so broken JSON, lone surrogate escapes and duplicate keys can be
/// written): wrong types, huge and deeply nested values, unicode, missing and unknown fields, and shapes that
/// follow a schema closely enough to get past the first checks.
/// </summary>
public static class HostileJson
{
    /// <summary>Text that breaks naive handling: scripts, joiners, RTL marks, emoji, controls, quotes, long runs.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.String[Gen.Char.AlphaNumeric, 0, 12]),
        (2, Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("\t\n"), Gen.Const("null"), Gen.Const("0"), Gen.Const("-1"), Gen.Const("1e999"),
            Gen.Const("تاجر القاهرة"), Gen.Const("‮evil‬"), Gen.Const("👩‍👩‍👧‍👦"), Gen.Const("a\u0000b"), Gen.Const("\u200b"),
            Gen.Const("\"quoted\" \\ back"), Gen.Const("<script>alert(1)</script>"), Gen.Const("../../etc/passwd"), Gen.Const("%2F%00"),
            Gen.Const("System.Decimal"), Gen.Const("ǅ̵̡͔̈́"))),
        (1, Gen.String[Gen.Char, 0, 40]),
        (1, Gen.Int[200, 5000].Select(n => new string('x', n))));

    /// <summary>A JSON string literal of <see cref="Text"/>, sometimes with a lone surrogate escape.</summary>
    public static readonly Gen<string> StringLiteral = Gen.Frequency(
        (3, Text.Select(Quote)),
        (1, Gen.OneOf(Gen.Const("\"\\ud800\""), Gen.Const("\"x\\udc00y\""), Gen.Const("\"\\u0000\""), Gen.Const("\"\\uZZZZ\""))));

    public static readonly Gen<string> Number = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e400"),
        Gen.OneOf(Gen.Const("0"), Gen.Const("-0"), Gen.Const("1e400"), Gen.Const("-1e400"), Gen.Const("123456789012345678901234567890"),
            Gen.Const("0.0000000000000000000000000000001"), Gen.Const("12.5"), Gen.Const("1E+2"), Gen.Const("-3")));

    public static readonly Gen<string> Scalar = Gen.Frequency(
        (1, Gen.OneOf(Gen.Const("null"), Gen.Const("true"), Gen.Const("false"))),
        (3, Number),
        (3, StringLiteral));

    /// <summary>Any JSON value, nested a few levels, objects keyed by <paramref name="keys"/> or anything.</summary>
    public static Gen<string> Value(Gen<string>? keys = null) => Gen.Recursive<string>((depth, value) => depth >= 4
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, value.Array[0, 5].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(keys ?? Text, value).Array[0, 5].Select(Object))));

    /// <summary>An object of <paramref name="fields"/> (each present or not, its value well typed or hostile), with
    /// an unknown field now and then.</summary>
    public static Gen<string> Shaped(params (string Name, Gen<string> Good)[] fields)
    {
        var members = fields.Aggregate(Gen.Const(new List<(string, string)>()), (acc, f) =>
            Gen.Select(acc, Gen.Bool, Gen.Frequency((2, f.Good), (1, Value())), (list, keep, v) => keep ? [.. list, (f.Name, v)] : list));
        var extra = Gen.Frequency((6, Gen.Const(((string, string)?)null)), (1, Gen.Select(Text, Value()).Select(kv => ((string, string)?)kv)));
        return Gen.Select(members, extra, (list, e) => Object(e is { } kv ? [.. list, kv] : list));
    }

    /// <summary>Bodies that are not JSON, or not whole: truncated, trailing garbage, comments, BOMs, far too deep.</summary>
    public static Gen<string> Broken(Gen<string> valid) => Gen.OneOf(
        Gen.Select(valid, Gen.Int[0, 100]).Select(t => t.Item1[..Math.Min(t.Item1.Length, t.Item1.Length * t.Item2 / 100)]),
        valid.Select(v => v + ","),
        valid.Select(v => "\uFEFF" + v),
        valid.Select(v => "/* c */" + v),
        valid.Select(v => v.Replace('"', '\'')),
        Gen.Int[65, 3000].Select(n => new string('[', n) + new string(']', n)),
        Gen.Int[65, 3000].Select(n => string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n)),
        Gen.OneOf(Gen.Const(""), Gen.Const("NaN"), Gen.Const("undefined"), Gen.Const("<html>502 Bad Gateway</html>"), Gen.Const("\u0000\u0001\u0002")),
        Gen.String[Gen.Char, 1, 200]);

    /// <summary>A body as sent: mostly schema-shaped, sometimes any value or broken.</summary>
    public static Gen<string> Body(Gen<string> shaped) => Gen.Frequency((6, shaped), (2, Value()), (2, Broken(shaped)));

    public static string Object(IEnumerable<(string Key, string Value)> members) =>
        "{" + string.Join(",", members.Select(m => Quote(m.Key) + ":" + m.Value)) + "}";

    public static string Array(IEnumerable<string> items) => "[" + string.Join(",", items) + "]";

    public static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => $"\\u{(int)c:x4}",
                _ when char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return sb.Append('"').ToString();
    }

    /// <summary>Content types a careless or hostile sender uses.</summary>
    public static readonly Gen<string?> ContentType = Gen.OneOf(
        Gen.Const((string?)"application/json"), Gen.Const((string?)"application/json; charset=utf-8"), Gen.Const((string?)null),
        Gen.Const((string?)"text/plain"), Gen.Const((string?)"application/x-www-form-urlencoded"), Gen.Const((string?)"text/html; charset=utf-16"),
        Gen.Const((string?)"multipart/form-data; boundary=x"), Gen.Const((string?)"application/xml"), Gen.Const((string?)"*/*; q=garbage"));
}
