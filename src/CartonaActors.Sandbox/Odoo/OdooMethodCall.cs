using System.Text.Json;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>One <c>execute_kw</c> as a model method sees it: positional args, kwargs, context, the user, and a way
/// to change data in one transaction (with the webhooks Odoo 18 would send).</summary>
public sealed class OdooMethodCall
{
    private readonly Func<Action<OdooTransaction>, Task> _transact;

    internal OdooMethodCall(OdooEmulatorOptions options, OdooStore store, OdooModel model, string method, long uid, IReadOnlyList<JsonElement> args,
        IReadOnlyDictionary<string, JsonElement> kwargs, Func<Action<OdooTransaction>, Task> transact)
    {
        Options = options;
        Store = store;
        Model = model;
        Method = method;
        Uid = uid;
        Args = args;
        Kwargs = kwargs;
        _transact = transact;
        Context = kwargs.TryGetValue("context", out var context) && context.ValueKind == JsonValueKind.Object
            ? context.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
            : new Dictionary<string, JsonElement>();
    }

    /// <summary>The emulator's options (access rights, sales settings).</summary>
    public OdooEmulatorOptions Options { get; }
    public OdooStore Store { get; }
    public OdooModel Model { get; }
    public string Method { get; }
    public long Uid { get; }
    public IReadOnlyList<JsonElement> Args { get; }
    public IReadOnlyDictionary<string, JsonElement> Kwargs { get; }
    public IReadOnlyDictionary<string, JsonElement> Context { get; }

    /// <summary>Context <c>active_test</c> (default true): searches hide archived records.</summary>
    public bool ActiveTest => !(Context.TryGetValue("active_test", out var value) && value.ValueKind == JsonValueKind.False);

    /// <summary>A positional argument, else the keyword of the same name, else undefined.</summary>
    public JsonElement Arg(int index, string name) =>
        index < Args.Count ? Args[index] : Kwargs.GetValueOrDefault(name);

    /// <summary>The record ids of a method called on records (first positional argument: an id or a list).</summary>
    public IReadOnlyList<long> Ids(int index = 0, string name = "ids")
    {
        var value = Arg(index, name);
        return value.ValueKind switch
        {
            JsonValueKind.Number => [value.GetInt64()],
            JsonValueKind.Array => value.EnumerateArray().Select(e => e.GetInt64()).ToArray(),
            _ => throw OdooFault.Type($"{Model.Name}.{Method}() missing 1 required positional argument: '{name}'"),
        };
    }

    /// <summary>Computes as the call's context asks (<c>warehouse_id</c>: id, list of ids, or a name/code).</summary>
    public OdooComputeContext ComputeContext(IRecordSource source)
    {
        if (!Context.TryGetValue("warehouse_id", out var warehouse) ||
            warehouse.ValueKind is JsonValueKind.Null or JsonValueKind.False)
            return new OdooComputeContext(source, null);
        var ids = warehouse.ValueKind switch
        {
            JsonValueKind.Number => [warehouse.GetInt64()],
            JsonValueKind.Array => warehouse.EnumerateArray().Select(e => e.GetInt64()).ToHashSet(),
            _ => source.All("stock.warehouse")
                .Where(w => Equals(w["name"], warehouse.GetString()) || Equals(w["code"], warehouse.GetString()))
                .Select(w => w.Id).ToHashSet(),
        };
        return new OdooComputeContext(source, ids);
    }

    /// <summary>Runs <paramref name="build"/> as one transaction: staged, webhooks posted, committed.</summary>
    public Task TransactAsync(Action<OdooTransaction> build) => _transact(build);
}
