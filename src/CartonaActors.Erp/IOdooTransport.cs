using System.Text.Json;

namespace CartonaActors.Erp;

/// <summary>
/// One way of reaching Odoo's ORM: JSON-RPC (<c>/jsonrpc</c>, Odoo ≤ 18) today, JSON-2 (<c>/json/2</c>, Odoo 19+)
/// later. Implementations make exactly one HTTP call per method call (plus a one-time authentication), never retry,
/// and turn every failure into an <see cref="OdooException"/> that does not contain the API key.
/// </summary>
public interface IOdooTransport
{
    /// <summary>The integration user's uid; authenticates on first use and caches the answer.</summary>
    Task<long> AuthenticateAsync(CancellationToken ct);

    /// <summary><c>common.version()</c>: server_version, server_version_info, server_serie. Needs no login.</summary>
    Task<JsonElement> VersionAsync(CancellationToken ct);

    /// <summary>
    /// Calls <paramref name="method"/> on <paramref name="model"/> with positional <paramref name="args"/> and
    /// keyword <paramref name="kwargs"/> (e.g. <c>fields</c>, <c>limit</c>, <c>context</c>) and returns the result,
    /// detached from any parser buffer.
    /// </summary>
    Task<JsonElement> ExecuteKwAsync(string model, string method, IReadOnlyList<object?> args,
        IReadOnlyDictionary<string, object?>? kwargs, CancellationToken ct);
}
