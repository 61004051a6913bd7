namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// A Python exception as Odoo serializes it into a JSON-RPC error object: <see cref="Name"/> is
/// <c>module.Class</c> (<c>data.name</c>), <see cref="Exception.Message"/> is <c>data.message</c>.
/// </summary>
internal sealed class OdooFault(string name, string message) : Exception(message)
{
    public string Name { get; } = name;

    public static OdooFault AccessDenied() => new("odoo.exceptions.AccessDenied", "Access Denied");

    public static OdooFault AccessError(string message) => new("odoo.exceptions.AccessError", message);

    public static OdooFault Validation(string message) => new("odoo.exceptions.ValidationError", message);

    public static OdooFault User(string message) => new("odoo.exceptions.UserError", message);

    public static OdooFault Value(string message) => new("builtins.ValueError", message);

    public static OdooFault InvalidField(string model, string field) => Value($"Invalid field '{field}' on model '{model}'");

    public static OdooFault Missing(string model, IEnumerable<long> ids, long uid) =>
        new("odoo.exceptions.MissingError",
            $"Record does not exist or has been deleted.\n(Record: {model}({string.Join("", ids.Select(i => $"{i},"))}), User: {uid})");

    public static OdooFault UnknownModel(string model) => new("builtins.KeyError", $"'{model}'");

    public static OdooFault UnknownMethod(string model, string method) =>
        new("builtins.AttributeError", $"The method '{method}' does not exist on the model '{model}'");

    public static OdooFault Type(string message) => new("builtins.TypeError", message);
}
