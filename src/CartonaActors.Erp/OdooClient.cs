using System.Text.Json;

namespace CartonaActors.Erp;

/// <summary>
/// The ORM methods the service calls, named and typed, over any <see cref="IOdooTransport"/>. Each method is one
/// <c>execute_kw</c>; results are detached <see cref="JsonElement"/>s read with <see cref="OdooValues"/>.
/// </summary>
public sealed class OdooClient(IOdooTransport transport)
{
    private readonly IOdooTransport _transport = transport ?? throw new ArgumentNullException(nameof(transport));

    /// <summary><c>search_read</c>: the records matching <paramref name="domain"/>, only <paramref name="fields"/>
    /// (always name them: the default is every field).</summary>
    public async Task<IReadOnlyList<JsonElement>> SearchReadAsync(string model, IReadOnlyList<object?> domain,
        IReadOnlyList<string> fields, int offset = 0, int? limit = null, string? order = null,
        IReadOnlyDictionary<string, object?>? context = null, CancellationToken ct = default)
    {
        var kwargs = Kwargs(context);
        kwargs["fields"] = fields;
        if (offset > 0) kwargs["offset"] = offset;
        if (limit is { } l) kwargs["limit"] = l;
        if (order is not null) kwargs["order"] = order;
        return Records(await _transport.ExecuteKwAsync(model, "search_read", [domain], kwargs, ct));
    }

    /// <summary><c>read</c>: the given records; a missing id fails the whole call with
    /// <see cref="OdooMissingRecordException"/> (use <see cref="SearchReadAsync"/> on <c>id in</c> to skip them).</summary>
    public async Task<IReadOnlyList<JsonElement>> ReadAsync(string model, IReadOnlyCollection<long> ids,
        IReadOnlyList<string> fields, IReadOnlyDictionary<string, object?>? context = null, CancellationToken ct = default)
    {
        var kwargs = Kwargs(context);
        kwargs["fields"] = fields;
        return Records(await _transport.ExecuteKwAsync(model, "read", [ids.ToArray()], kwargs, ct));
    }

    /// <summary><c>search</c>: ids of the matching records.</summary>
    public async Task<IReadOnlyList<long>> SearchAsync(string model, IReadOnlyList<object?> domain, int offset = 0,
        int? limit = null, string? order = null, IReadOnlyDictionary<string, object?>? context = null,
        CancellationToken ct = default)
    {
        var kwargs = Kwargs(context);
        if (offset > 0) kwargs["offset"] = offset;
        if (limit is { } l) kwargs["limit"] = l;
        if (order is not null) kwargs["order"] = order;
        var result = await _transport.ExecuteKwAsync(model, "search", [domain], kwargs, ct);
        return result.EnumerateArray().Select(e => e.GetInt64()).ToArray();
    }

    /// <summary><c>search_count</c>.</summary>
    public async Task<int> SearchCountAsync(string model, IReadOnlyList<object?> domain,
        IReadOnlyDictionary<string, object?>? context = null, CancellationToken ct = default) =>
        (await _transport.ExecuteKwAsync(model, "search_count", [domain], Kwargs(context), ct)).GetInt32();

    /// <summary><c>create</c> of one record; its id.</summary>
    public async Task<long> CreateAsync(string model, IReadOnlyDictionary<string, object?> values,
        IReadOnlyDictionary<string, object?>? context = null, CancellationToken ct = default)
    {
        var result = await _transport.ExecuteKwAsync(model, "create", [values], Kwargs(context), ct);
        return result.ValueKind == JsonValueKind.Array ? result[0].GetInt64() : result.GetInt64();
    }

    /// <summary><c>create</c> of several records in one call (one transaction); their ids in order.</summary>
    public async Task<IReadOnlyList<long>> CreateManyAsync(string model, IReadOnlyList<IReadOnlyDictionary<string, object?>> values,
        IReadOnlyDictionary<string, object?>? context = null, CancellationToken ct = default)
    {
        var result = await _transport.ExecuteKwAsync(model, "create", [values], Kwargs(context), ct);
        return result.EnumerateArray().Select(e => e.GetInt64()).ToArray();
    }

    /// <summary><c>write</c>: the same values on every given record, one transaction.</summary>
    public Task WriteAsync(string model, IReadOnlyCollection<long> ids, IReadOnlyDictionary<string, object?> values,
        IReadOnlyDictionary<string, object?>? context = null, CancellationToken ct = default) =>
        _transport.ExecuteKwAsync(model, "write", [ids.ToArray(), values], Kwargs(context), ct);

    /// <summary>Any public model method on records, e.g. <c>CallAsync("sale.order", "action_confirm", [id])</c>.</summary>
    public Task<JsonElement> CallAsync(string model, string method, IReadOnlyCollection<long> ids,
        IReadOnlyDictionary<string, object?>? kwargs = null, CancellationToken ct = default) =>
        _transport.ExecuteKwAsync(model, method, [ids.ToArray()], kwargs, ct);

    private static Dictionary<string, object?> Kwargs(IReadOnlyDictionary<string, object?>? context)
    {
        var kwargs = new Dictionary<string, object?>();
        if (context is { Count: > 0 }) kwargs["context"] = context;
        return kwargs;
    }

    private static IReadOnlyList<JsonElement> Records(JsonElement result) =>
        result.ValueKind == JsonValueKind.Array ? result.EnumerateArray().ToArray() : [];
}
