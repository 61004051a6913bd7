using CartonaActors.Sandbox.Shopify.GraphQL;

namespace CartonaActors.Sandbox.Shopify.Schema;

/// <summary>
/// Shopify's calculated query cost, computed from the document before anything runs: scalars and enums 0,
/// objects 1 plus their selection, connections 2 + first × (1 + one node's selection), pageInfo free, and every
/// top-level mutation field a flat 10. Unknown fields are refused here, before cost or execution, as Shopify's
/// validation does (<c>undefinedField</c>).
/// </summary>
internal static class QueryCost
{
    public const int MutationCost = 10;

    public static double Requested(ShopifySchema schema, GqlOperation operation)
    {
        var root = operation.IsMutation ? schema.Mutation : schema.Query;
        double total = 0;
        foreach (var field in operation.Fields)
        {
            var cost = Field(schema, root, field);
            total += operation.IsMutation && field.Name != "__typename" ? MutationCost : cost;
        }
        return total;
    }

    private static double Selections(ShopifySchema schema, GqlType type, IReadOnlyList<GqlSelection> selections) =>
        selections.Sum(s => Field(schema, type, s));

    private static double Field(ShopifySchema schema, GqlType type, GqlSelection selection)
    {
        if (selection.Name == "__typename") return 0;
        if (!type.TryGet(selection.Name, out var field)) throw Undefined(selection.Name, type.Name);
        switch (field.Kind)
        {
            case FieldKind.Scalar:
                return 0;
            case FieldKind.Object:
                return 1 + Selections(schema, schema.Type(field.Type!), selection.Selections);
            default:
                var node = schema.Type(field.Type!);
                double nodeCost = 1;
                foreach (var part in selection.Selections)
                {
                    switch (part.Name)
                    {
                        case "nodes":
                            nodeCost += Selections(schema, node, part.Selections);
                            break;
                        case "edges":
                            foreach (var edge in part.Selections)
                            {
                                if (edge.Name == "node") nodeCost += Selections(schema, node, edge.Selections);
                                else if (edge.Name is not ("cursor" or "__typename")) throw Undefined(edge.Name, node.Name + "Edge");
                            }
                            break;
                        case "pageInfo":
                            foreach (var info in part.Selections)
                                if (info.Name is not ("hasNextPage" or "hasPreviousPage" or "startCursor" or "endCursor" or "__typename"))
                                    throw Undefined(info.Name, "PageInfo");
                            break;
                        case "__typename":
                            break;
                        default:
                            throw Undefined(part.Name, node.Name + "Connection");
                    }
                }
                return 2 + ConnectionArgs.First(selection) * nodeCost;
        }
    }

    public static GqlException Undefined(string field, string type) =>
        new(new GqlError($"Field '{field}' doesn't exist on type '{type}'", "undefinedField")
        {
            Extra = new Dictionary<string, string> { ["typeName"] = type, ["fieldName"] = field },
        });
}
