using System.Globalization;
using System.Text.Json;
using GraphQLParser;
using GraphQLParser.AST;

namespace CartonaActors.Sandbox.Shopify.GraphQL;

/// <summary>
/// Turns a GraphQL request (query text, variables JSON, operation name) into a <see cref="GqlOperation"/>:
/// parses with GraphQL-Parser, picks the operation, substitutes variables (and their defaults) into arguments
/// and directives, and flattens fragment spreads and inline fragments into their parent selection.
/// </summary>
internal static class GqlDocumentReader
{
    public static GqlOperation Read(string query, JsonElement? variables, string? operationName)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (Exception e) when (e is GraphQLParser.Exceptions.GraphQLSyntaxErrorException or GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
        {
            throw new GqlException(e.Message, "syntaxError");
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : throw new GqlException(
                operations.Count == 0 ? "No operations found in document" : "An operation name is required", "operationNotFound")
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName)
              ?? throw new GqlException($"No operation named \"{operationName}\"", "operationNotFound");

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = definition.Variable.Name.StringValue;
            if (variables is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(name, out var given))
                values[name] = FromJson(given);
            else if (definition.DefaultValue is not null)
                values[name] = FromAst(definition.DefaultValue, values);
        }

        var reader = new Context(values, fragments);
        return new GqlOperation(operation.Operation == OperationType.Mutation, reader.Selections(operation.SelectionSet));
    }

    /// <summary>A JSON value (a variable) as the plain value model of <see cref="GqlSelection"/>.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        _ => null,
    };

    private static object? FromAst(GraphQLValue value, IReadOnlyDictionary<string, object?> variables) => value switch
    {
        GraphQLVariable v => variables.TryGetValue(v.Name.StringValue, out var given) ? given : null,
        GraphQLIntValue i => long.Parse(i.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture),
        GraphQLFloatValue f => double.Parse(f.Value.Span, NumberStyles.Float, CultureInfo.InvariantCulture),
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLNullValue => null,
        GraphQLEnumValue e => e.Name.StringValue,
        GraphQLListValue l => (l.Values ?? []).Select(x => FromAst(x, variables)).ToList(),
        GraphQLObjectValue o => ObjectFromAst(o, variables),
        _ => null,
    };

    /// <summary>An input object: a field bound to an unset variable is left out, as GraphQL treats it as absent.</summary>
    private static Dictionary<string, object?> ObjectFromAst(GraphQLObjectValue o, IReadOnlyDictionary<string, object?> variables)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in o.Fields ?? [])
        {
            if (field.Value is GraphQLVariable v && !variables.ContainsKey(v.Name.StringValue)) continue;
            map[field.Name.StringValue] = FromAst(field.Value, variables);
        }
        return map;
    }

    private sealed class Context(IReadOnlyDictionary<string, object?> variables, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments)
    {
        public List<GqlSelection> Selections(GraphQLSelectionSet? set, int depth = 0)
        {
            var result = new List<GqlSelection>();
            if (set is null) return result;
            if (depth > 64) throw new GqlException("Query has too many levels of nesting", "maxDepthExceeded");
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        result.Add(Field(field, depth));
                        break;
                    case GraphQLInlineFragment inline:
                        result.AddRange(Selections(inline.SelectionSet, depth + 1));
                        break;
                    case GraphQLFragmentSpread spread:
                        var name = spread.FragmentName.Name.StringValue;
                        if (!fragments.TryGetValue(name, out var fragment))
                            throw new GqlException($"Fragment {name} was used, but not defined", "useAndDefineFragment");
                        result.AddRange(Selections(fragment.SelectionSet, depth + 1));
                        break;
                }
            }
            return result;
        }

        private GqlSelection Field(GraphQLField field, int depth)
        {
            var name = field.Name.StringValue;
            var arguments = Arguments(field.Arguments);
            var directives = new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal);
            foreach (var directive in field.Directives?.Items ?? [])
                directives[directive.Name.StringValue] = Arguments(directive.Arguments);
            return new GqlSelection(field.Alias?.Name.StringValue ?? name, name, arguments, Selections(field.SelectionSet, depth + 1), directives);
        }

        private Dictionary<string, object?> Arguments(GraphQLArguments? arguments)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var argument in arguments?.Items ?? [])
            {
                if (argument.Value is GraphQLVariable v && !variables.ContainsKey(v.Name.StringValue)) continue;
                map[argument.Name.StringValue] = FromAst(argument.Value, variables);
            }
            return map;
        }
    }
}
