using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using CartonaActors.Sandbox.Shopify.GraphQL;

namespace CartonaActors.Sandbox.Shopify.Schema;

/// <summary>
/// Answers a validated operation: resolves each selected field (by its alias) against the schema and writes only
/// what was selected. Also totals the actual cost: like the requested cost, but a connection counts the nodes it
/// really returned, so the unused part of a <c>first</c> is refunded. A field whose resolver raises becomes null
/// with an entry in <c>errors</c>; the other fields still answer.
/// </summary>
internal sealed class GqlExecutor(ShopifySchema schema)
{
    public (JsonObject Data, double ActualCost) Execute(GqlOperation operation, GqlContext context, Func<GqlSelection, object?>? beforeMutationField = null)
    {
        var root = operation.IsMutation ? schema.Mutation : schema.Query;
        var data = new JsonObject();
        double cost = 0;
        foreach (var selection in operation.Fields)
        {
            if (selection.Name == "__typename")
            {
                data[selection.Key] = operation.IsMutation ? "Mutation" : "QueryRoot";
                continue;
            }
            try
            {
                var value = Field(root, root, selection, context, out var fieldCost);
                data[selection.Key] = value;
                cost += operation.IsMutation ? QueryCost.MutationCost : fieldCost;
            }
            catch (GqlException e)
            {
                data[selection.Key] = null;
                context.Errors.Add(e.Error with { Path = e.Error.Path ?? [selection.Key] });
                if (operation.IsMutation) cost += QueryCost.MutationCost;
            }
        }
        return (data, cost);
    }

    private JsonNode? Field(object parent, GqlType type, GqlSelection selection, GqlContext context, out double cost)
    {
        cost = 0;
        if (selection.Name == "__typename") return type.Name;
        if (!type.TryGet(selection.Name, out var field)) throw QueryCost.Undefined(selection.Name, type.Name);
        var value = field.Resolve(parent, selection, context);
        switch (field.Kind)
        {
            case FieldKind.Scalar:
                return Scalar(value);
            case FieldKind.Object:
                if (value is null) return null;
                var target = schema.Type(field.Type!);
                if (value is IEnumerable list and not string)
                {
                    var array = new JsonArray();
                    double listCost = 0;
                    foreach (var item in list)
                    {
                        array.Add(Object(item, target, selection.Selections, context, out var itemCost));
                        listCost = Math.Max(listCost, itemCost);
                    }
                    cost = 1 + listCost;
                    return array;
                }
                var single = Object(value, target, selection.Selections, context, out var objectCost);
                cost = 1 + objectCost;
                return single;
            default:
                return Connection((Page)value!, schema.Type(field.Type!), selection, context, out cost);
        }
    }

    private JsonObject Object(object value, GqlType type, IReadOnlyList<GqlSelection> selections, GqlContext context, out double cost)
    {
        var result = new JsonObject();
        cost = 0;
        foreach (var selection in selections)
        {
            result[selection.Key] = Field(value, type, selection, context, out var fieldCost);
            cost += fieldCost;
        }
        return result;
    }

    private JsonObject Connection(Page page, GqlType node, GqlSelection selection, GqlContext context, out double cost)
    {
        var result = new JsonObject();
        double nodesCost = 0;
        var counted = false;
        foreach (var part in selection.Selections)
        {
            switch (part.Name)
            {
                case "nodes":
                    var nodes = new JsonArray();
                    double partCost = 0;
                    foreach (var item in page.Nodes)
                    {
                        nodes.Add(Object(item, node, part.Selections, context, out var c));
                        partCost += 1 + c;
                    }
                    if (!counted) nodesCost = partCost;
                    counted = true;
                    result[part.Key] = nodes;
                    break;
                case "edges":
                    var edges = new JsonArray();
                    double edgeCost = 0;
                    for (var i = 0; i < page.Nodes.Count; i++)
                    {
                        var edge = new JsonObject();
                        double one = 1;
                        foreach (var e in part.Selections)
                        {
                            if (e.Name == "cursor") edge[e.Key] = page.Cursors[i];
                            else if (e.Name == "__typename") edge[e.Key] = node.Name + "Edge";
                            else
                            {
                                edge[e.Key] = Object(page.Nodes[i], node, e.Selections, context, out var c);
                                one += c;
                            }
                        }
                        edgeCost += one;
                        edges.Add(edge);
                    }
                    if (!counted) nodesCost = edgeCost;
                    counted = true;
                    result[part.Key] = edges;
                    break;
                case "pageInfo":
                    var info = new JsonObject();
                    foreach (var p in part.Selections)
                    {
                        info[p.Key] = p.Name switch
                        {
                            "hasNextPage" => page.HasNextPage,
                            "hasPreviousPage" => page.HasPreviousPage,
                            "startCursor" => page.Cursors.Count > 0 ? page.Cursors[0] : null,
                            "endCursor" => page.Cursors.Count > 0 ? page.Cursors[^1] : null,
                            _ => "PageInfo",
                        };
                    }
                    result[part.Key] = info;
                    break;
                case "__typename":
                    result[part.Key] = node.Name + "Connection";
                    break;
            }
        }
        // Nothing asked of the nodes still costs them: Shopify counts 1 per returned node.
        cost = 2 + (counted ? nodesCost : page.Nodes.Count);
        return result;
    }

    private static JsonNode? Scalar(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        int i => i,
        long l => l,
        double d => d,
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        DateTimeOffset t => Timestamp(t),
        IEnumerable<string> list => new JsonArray(list.Select(x => (JsonNode?)x).ToArray()),
        _ => value.ToString(),
    };

    /// <summary>Shopify's DateTime scalar: ISO 8601 in UTC, whole seconds, "Z".</summary>
    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
