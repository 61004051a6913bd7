using System.Text.Json;

namespace CartonaActors.Erp.Setup;

/// <summary>An automation rule as Odoo holds it (<c>base.automation</c>, 17.0+), with its server actions.</summary>
public sealed record ExistingRule(long Id, string Name, string Model, string Trigger, bool Active, string? FilterDomain,
    string? FilterPreDomain, IReadOnlyList<long> TriggerFieldIds, IReadOnlyList<ExistingAction> Actions)
{
    public const string OdooModel = "base.automation";

    public static readonly IReadOnlyList<string> Fields =
        ["name", "model_id", "trigger", "active", "filter_domain", "filter_pre_domain", "trigger_field_ids"];

    /// <summary>From a <c>search_read</c> row; <paramref name="models"/> maps ir.model ids to model names.</summary>
    public static ExistingRule From(JsonElement row, IReadOnlyDictionary<long, string> models, IEnumerable<ExistingAction> actions) =>
        new(OdooValues.Id(row), OdooValues.String(row, "name") ?? "",
            OdooValues.Many2OneId(row, "model_id") is { } model && models.TryGetValue(model, out var name) ? name : "",
            OdooValues.String(row, "trigger") ?? "", OdooValues.Boolean(row, "active", true),
            OdooValues.Text(row, "filter_domain"), OdooValues.Text(row, "filter_pre_domain"),
            OdooValues.Ids(row, "trigger_field_ids"), actions.ToArray());
}

/// <summary>A server action of a rule (<c>ir.actions.server</c>); <see cref="WebhookUrl"/> is set for state <c>webhook</c>.</summary>
public sealed record ExistingAction(long Id, long RuleId, string Name, string State, string? WebhookUrl)
{
    public const string OdooModel = "ir.actions.server";
    public const string WebhookState = "webhook";

    public static readonly IReadOnlyList<string> Fields = ["name", "state", "webhook_url", "base_automation_id"];

    public bool IsWebhook => State == WebhookState;

    public static ExistingAction From(JsonElement row) =>
        new(OdooValues.Id(row), OdooValues.Many2OneId(row, "base_automation_id") ?? 0, OdooValues.String(row, "name") ?? "",
            OdooValues.String(row, "state") ?? "", OdooValues.String(row, "webhook_url"));
}
