using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// <c>POST /jsonrpc</c> as Odoo 18 answers it: services <c>common</c> (version, login, authenticate) and
/// <c>object</c> (execute_kw, execute), with every failure as a JSON-RPC error object under HTTP 200. Each call is
/// recorded so tests can assert batching.
/// </summary>
internal sealed class OdooRpcHandler(
    OdooEmulatorOptions options,
    OdooServerVersion version,
    Func<IReadOnlyList<OdooUser>> users,
    OdooStore store,
    TransactionRunner runner,
    Action<OdooRecordedCall> record,
    CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path.Value?.TrimEnd('/') != "/jsonrpc")
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = 405;
            return;
        }
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        if (options.ResponseDelay > TimeSpan.Zero)
        {
            using var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await Task.Delay(options.ResponseDelay, held.Token);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up (its timeout) or the emulator stops
            }
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("<html><body><h1>400 Bad Request</h1></body></html>", context.RequestAborted);
            return;
        }

        string answer;
        using (document)
        {
            var root = document.RootElement;
            JsonElement? id = root.TryGetProperty("id", out var idValue) ? idValue.Clone() : null;
            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            var service = Text(parameters, "service");
            var method = Text(parameters, "method");
            var args = parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("args", out var a) &&
                       a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Select(e => e.Clone()).ToArray()
                : [];
            var (model, modelMethod) = service == "object" && args.Length >= 5
                ? (args[3].ValueKind == JsonValueKind.String ? args[3].GetString() : null,
                   args[4].ValueKind == JsonValueKind.String ? args[4].GetString() ?? method : method)
                : (null, method);
            string? error = null;
            try
            {
                answer = RpcJson.Result(id, await DispatchAsync(service, method, args));
            }
            catch (OdooFault fault)
            {
                error = fault.Name;
                answer = RpcJson.Error(id, fault);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException
                                           or IndexOutOfRangeException or InvalidCastException or ArgumentException)
            {
                // A malformed call: Odoo would fail with a Python TypeError / ValueError.
                error = "builtins.TypeError";
                answer = RpcJson.Error(id, OdooFault.Type(ex.Message));
            }
            record(new OdooRecordedCall(options.Clock.GetUtcNow(), service, modelMethod, model, error));
            if (error is null && LoseThisAnswer($"{model}/{modelMethod}"))
            {
                using var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
                try
                {
                    await Task.Delay(Timeout.Infinite, held.Token);
                }
                catch (OperationCanceledException)
                {
                    return; // committed, and the client never learns it
                }
            }
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }

    private bool LoseThisAnswer(string call)
    {
        while (options.LoseAnswers.TryGetValue(call, out var left) && left > 0)
            if (options.LoseAnswers.TryUpdate(call, left - 1, left)) return true;
        return false;
    }

    private async Task<object?> DispatchAsync(string service, string method, JsonElement[] args) => service switch
    {
        "common" => Common(method, args),
        "object" => await ObjectAsync(method, args),
        _ => throw new OdooFault("builtins.NameError", $"'{service}' is not a valid service name"),
    };

    private object? Common(string method, JsonElement[] args) => method switch
    {
        "version" => version.Answer(),
        // authenticate / login answer False on any refusal (exp_authenticate catches AccessDenied).
        "login" or "authenticate" => Login(Arg(args, 0), Arg(args, 1), Arg(args, 2)) is { } user ? user.Uid : false,
        _ => throw new OdooFault("builtins.KeyError", $"'exp_{method}'"),
    };

    private async Task<object?> ObjectAsync(string method, JsonElement[] args)
    {
        if (method is not ("execute_kw" or "execute")) throw new OdooFault("builtins.KeyError", $"'exp_{method}'");
        if (args.Length < 5) throw OdooFault.Type($"{method}() missing required positional arguments");
        var uid = args[1].ValueKind == JsonValueKind.Number ? args[1].GetInt64() : -1;
        var user = users().FirstOrDefault(u => u.Uid == uid && u.Active && u.ApiKey == Arg(args, 2));
        if (Arg(args, 0) != options.Database || user is null) throw OdooFault.AccessDenied();

        var modelName = Arg(args, 3) ?? "";
        var methodName = Arg(args, 4) ?? "";
        var model = store.Model(modelName);
        if (methodName.StartsWith('_'))
            throw OdooFault.AccessError($"Private methods (such as '{modelName}.{methodName}') cannot be called remotely.");
        var handler = model.Methods.GetValueOrDefault(methodName) ?? OrmMethods.All.GetValueOrDefault(methodName)
            ?? throw OdooFault.UnknownMethod(modelName, methodName);
        if (ModelAccess.Needed(methodName) is { } operation && !ModelAccess.Allows(options, modelName, operation))
            throw ModelAccess.Refusal(modelName, operation);

        IReadOnlyList<JsonElement> positional;
        IReadOnlyDictionary<string, JsonElement> kwargs;
        if (method == "execute_kw")
        {
            positional = args.Length > 5 && args[5].ValueKind == JsonValueKind.Array ? args[5].EnumerateArray().ToArray() : [];
            kwargs = args.Length > 6 && args[6].ValueKind == JsonValueKind.Object
                ? args[6].EnumerateObject().ToDictionary(p => p.Name, p => p.Value)
                : new Dictionary<string, JsonElement>();
        }
        else
        {
            positional = args[5..];
            kwargs = new Dictionary<string, JsonElement>();
        }
        var call = new OdooMethodCall(options, store, model, methodName, user.Uid, positional, kwargs,
            build => runner.RunAsync(user.Uid, build, options.RpcWebhookMode, stopping));
        return await handler(call);
    }

    private OdooUser? Login(string? database, string? login, string? key) =>
        database == options.Database
            ? users().FirstOrDefault(u => u.Active && u.Login == login && !string.IsNullOrEmpty(key) && u.ApiKey == key)
            : null;

    private static string? Arg(JsonElement[] args, int index) =>
        index < args.Length && args[index].ValueKind == JsonValueKind.String ? args[index].GetString() : null;

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";
}
