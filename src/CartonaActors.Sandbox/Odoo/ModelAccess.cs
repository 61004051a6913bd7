namespace CartonaActors.Sandbox.Odoo;

/// <summary>Model-level access rights (<c>ir.model.access</c>): which operation an ORM method needs, and the
/// AccessError Odoo raises when the user's groups do not grant it.</summary>
internal static class ModelAccess
{
    public static string? Needed(string method) => method switch
    {
        "read" or "search_read" or "search" or "search_count" => "read",
        "create" => "create",
        "write" => "write",
        "unlink" => "unlink",
        _ => null,
    };

    public static bool Allows(OdooEmulatorOptions options, string model, string operation) =>
        !(options.RefusedAccess.TryGetValue(model, out var refused) && refused.Contains(operation, StringComparer.Ordinal));

    public static OdooFault Refusal(string model, string operation) =>
        OdooFault.AccessError($"You are not allowed to {Verb(operation)} '{model}' ({model}) records.\n\n" +
                              "This operation is allowed for the following groups:\n\t- Administration/Settings\n\n" +
                              "Contact your administrator to request access if necessary.");

    private static string Verb(string operation) => operation switch
    {
        "read" => "access",
        "write" => "modify",
        "unlink" => "delete",
        _ => operation,
    };
}
