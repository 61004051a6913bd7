using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CartonaActors.Service.Api;

/// <summary>
/// Turns a System.Text.Json <see cref="JsonException"/> into a message for whoever sent the body: where (JSON path,
/// line, position) and what was expected there in words ("a number", "an object"). The exception's own message
/// names .NET types (<c>System.Decimal</c>, our request records), which mean nothing to a sender and tell an
/// attacker about the code, so it is never passed on as is.
/// </summary>
public static class JsonErrorText
{
    private const int MaxPathLength = 80;

    /// <param name="target">The type the body was read as, to say what each path expects.</param>
    public static string Describe(JsonException ex, Type target, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var path = ex.Path ?? "$";
        var where = $"line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}";
        // The reader's own errors (bad syntax, too deep, truncated) come wrapped and name no type.
        if (ex.InnerException is JsonException syntax)
            return $"malformed JSON body: {ReaderReason(syntax.Message)} ({where}, at {Short(path)})";
        var expected = Expected(Segments(path), target, options);
        if (expected.UnknownField is { } field)
            return $"malformed JSON body: unknown field '{Short(field)}' at {Short(path)} ({where})";
        if (ex.InnerException is InvalidOperationException { Message: var m } && m.Contains("UTF-16", StringComparison.Ordinal))
            return $"malformed JSON body: {Short(path)} holds an invalid unicode escape (a lone surrogate) ({where})";
        var subject = path == "$" ? "the body" : Short(path);
        return $"malformed JSON body: {subject} must be {expected.Words} ({where})";
    }

    /// <summary>The reader's sentence without its own location suffix (given separately, with the path).</summary>
    private static string ReaderReason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut >= 0 ? message[..cut] : message).Trim().TrimEnd('|').Trim();
        return reason.Length == 0 ? "the body is not valid JSON" : reason;
    }

    private static (string Words, string? UnknownField) Expected(IReadOnlyList<string> segments, Type target, JsonSerializerOptions options)
    {
        var type = target;
        foreach (var segment in segments)
        {
            var info = options.GetTypeInfo(type);
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object when info.Properties.FirstOrDefault(p =>
                        string.Equals(p.Name, segment, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) is { } property:
                    type = property.PropertyType;
                    break;
                case JsonTypeInfoKind.Object when info.Properties.Count > 0:
                    return ("", segment);
                case JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary when info.ElementType is { } element:
                    type = element;
                    break;
                default:
                    return ("valid JSON", null);
            }
        }
        return (Words(type, options), null);
    }

    private static string Words(Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "a string";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(JsonElement) || type == typeof(object)) return "a JSON value";
        if (Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.Decimal) return "a number";
        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Object => "an object",
            _ => "a JSON value of another kind",
        };
    }

    /// <summary>Property names and indexes of a path as System.Text.Json writes it: <c>$.a[0].b</c>, <c>$['a.b']</c>.</summary>
    private static List<string> Segments(string path)
    {
        var segments = new List<string>();
        for (var i = path.StartsWith('$') ? 1 : 0; i < path.Length;)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) end = path.Length;
                segments.Add(path[(i + 2)..end]);
                i = Math.Min(path.Length, end + 2);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0) end = path.Length;
                segments.Add(path[(i + 1)..end]);
                i = Math.Min(path.Length, end + 1);
            }
            else i++;
        }
        return segments;
    }

    /// <summary>A path or name from the body can be as long as the body: keep messages (and the sync log) small.</summary>
    public static string Short(string text) => text.Length <= MaxPathLength ? text : text[..MaxPathLength] + "…";
}
