namespace CartonaActors.Erp.Setup;

/// <summary>What <c>cartonactl odoo setup --check|--apply</c> shows. Holds no secret: webhook URLs are masked.</summary>
/// <param name="Changed">Rules created or updated by this run (0 for a check).</param>
public sealed record OdooSetupReport(
    string OdooVersion,
    bool WebhooksSupported,
    IReadOnlyList<AccessReport> AccessRights,
    IReadOnlyList<RuleReport> Rules,
    int Changed,
    string Message);

/// <summary>The integration user's rights on one model; <paramref name="Ok"/> when it has those the service needs.</summary>
/// <param name="Detail">Why not ok (a missing right, the model not installed); null when ok.</param>
public sealed record AccessReport(string Model, bool Read, bool Write, bool Create, bool Ok, string? Detail);

/// <param name="State">ok, missing, outdated, created, updated or unsupported.</param>
public sealed record RuleReport(string Model, string Name, string State, string Detail);
