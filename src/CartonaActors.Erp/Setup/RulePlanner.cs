using CartonaActors.Domain.Secrets;

namespace CartonaActors.Erp.Setup;

/// <summary>
/// Compares the rules the service needs with the rules Odoo holds and decides, per model, what apply must do. A rule
/// is the service's when its name is <see cref="WebhookRule.NameFor"/> its model; anything else in Odoo is left
/// alone. Pure: no Odoo calls, so every case is tested without a server.
/// </summary>
public static class RulePlanner
{
    /// <param name="installed">The models the database has (ir.model); a rule cannot be made on another.</param>
    public static IReadOnlyList<RulePlan> Plan(IEnumerable<WebhookRule> wanted, IReadOnlyCollection<ExistingRule> existing,
        IReadOnlySet<string> installed) =>
        wanted.Select(w => installed.Contains(w.Model)
            ? WithOthers(PlanOne(w, existing.Where(r => r.Name == w.Name && r.Model == w.Model).OrderBy(r => !r.Active).ThenBy(r => r.Id).ToArray()),
                existing.Where(r => r.Name != w.Name && r.Model == w.Model && r.Active))
            : new RulePlan(w, RuleState.Unsupported, $"model '{w.Model}' is not installed in this database (its app is missing): no rule, no webhook"))
        .ToArray();

    // A rule set up by hand that also posts to the service doubles every notification: named, left to the user.
    private static RulePlan WithOthers(RulePlan plan, IEnumerable<ExistingRule> others)
    {
        var posting = others.Where(r => r.Actions.Any(a => a.IsWebhook && SameAddress(a.WebhookUrl, plan.Wanted.Url)))
            .Select(r => $"'{r.Name}'").ToArray();
        return posting.Length == 0 ? plan
            : plan with { Detail = plan.Detail + $"; rule {string.Join(", ", posting)} also posts here (archive it in Odoo: each save would notify twice)" };
    }

    /// <summary>Every rule unsupported: the server has no webhook action (before 17.0).</summary>
    public static IReadOnlyList<RulePlan> Unsupported(IEnumerable<WebhookRule> wanted, OdooVersion version) =>
        wanted.Select(w => new RulePlan(w, RuleState.Unsupported,
            $"Odoo {version.Text} has no \"Send Webhook Notification\" action (from 17.0): changes reach the service through its poller"))
        .ToArray();

    private static RulePlan PlanOne(WebhookRule wanted, IReadOnlyList<ExistingRule> candidates)
    {
        var target = $"On save, webhook to {SecretScrubber.SafeUrl(wanted.Url)}";
        if (candidates.Count == 0) return new RulePlan(wanted, RuleState.Missing, $"no rule named '{wanted.Name}'; apply creates it: {target}");

        var rule = candidates[0];
        var problems = new List<string>();
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!rule.Active)
        {
            problems.Add("archived");
            changes["active"] = true;
        }
        if (rule.Trigger != WebhookRule.Trigger)
        {
            problems.Add($"trigger is '{rule.Trigger}', not '{WebhookRule.Trigger}' (On save)");
            changes["trigger"] = WebhookRule.Trigger;
        }
        if (!IsEmptyDomain(rule.FilterDomain) || !IsEmptyDomain(rule.FilterPreDomain))
        {
            problems.Add("only fires for records matching a filter");
            changes["filter_domain"] = false;
            changes["filter_pre_domain"] = false;
        }
        if (rule.TriggerFieldIds.Count > 0)
        {
            problems.Add($"only fires when one of {rule.TriggerFieldIds.Count} trigger fields changes");
            changes["trigger_field_ids"] = new object[] { new object[] { 6, 0, Array.Empty<long>() } };
        }

        var (action, actionId) = (ActionRepair.None, (long?)null);
        var webhooks = rule.Actions.Where(a => a.IsWebhook).OrderBy(a => a.Id).ToArray();
        if (webhooks.Length == 0)
        {
            problems.Add("has no \"Send Webhook Notification\" action");
            action = ActionRepair.Add;
        }
        else if (!webhooks.Any(a => a.WebhookUrl == wanted.Url))
        {
            var current = webhooks[0];
            problems.Add(SameAddress(current.WebhookUrl, wanted.Url)
                ? "its webhook carries another token (an old webhook secret)"
                : $"its webhook posts to {SecretScrubber.SafeUrl(current.WebhookUrl)}");
            (action, actionId) = (ActionRepair.SetUrl, current.Id);
        }

        var duplicates = candidates.Skip(1).Where(r => r.Active).Select(r => r.Id).ToArray();
        if (duplicates.Length > 0) problems.Add($"{duplicates.Length} more active rule(s) of that name would post twice");

        return problems.Count == 0
            ? new RulePlan(wanted, RuleState.Ok, target, rule.Id)
            : new RulePlan(wanted, RuleState.Outdated, string.Join("; ", problems) + $"; apply sets: {target}", rule.Id,
                changes, action, actionId, duplicates);
    }

    private static bool IsEmptyDomain(string? domain) => string.IsNullOrWhiteSpace(domain) || domain.Trim() == "[]";

    // The same endpoint, different query: the secret changed (or was mistyped).
    private static bool SameAddress(string? current, string wanted) =>
        current is not null && Strip(current).Equals(Strip(wanted), StringComparison.OrdinalIgnoreCase);

    private static string Strip(string url) => url.Split('?')[0].TrimEnd('/');
}
