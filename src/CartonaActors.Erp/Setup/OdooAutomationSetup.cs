using System.Text.Json;
using CartonaActors.Domain.Secrets;

namespace CartonaActors.Erp.Setup;

/// <summary>
/// Makes Odoo tell the service about changes: reads the server version (webhook actions exist from 17.0), the
/// integration user's access rights, and the automation rules; with apply, creates the missing rules and repairs
/// outdated ones as <see cref="RulePlanner"/> decides, so a second apply changes nothing. Over the service's Odoo
/// transport; the webhook secret never leaves in a report or an error.
/// </summary>
public sealed class OdooAutomationSetup(IOdooTransport transport)
{
    private readonly OdooClient _client = new(transport);

    /// <param name="models">The models whose changes the service follows, one rule each.</param>
    /// <param name="webhookUrl">Where the rules post, with the secret as its token.</param>
    /// <param name="apply">False: report only. True: create and update the rules too.</param>
    /// <exception cref="OdooException">Odoo is unreachable or refused the call (message scrubbed of the secret).</exception>
    public async Task<OdooSetupReport> RunAsync(IReadOnlyCollection<string> models, string webhookUrl, bool apply, CancellationToken ct)
    {
        var scrubber = SecretScrubber.For(webhookUrl);
        try
        {
            return await RunCoreAsync(models, webhookUrl, apply, ct);
        }
        catch (OdooException ex) when (scrubber.Scrub(ex.Message) != ex.Message)
        {
            throw new OdooServerException(scrubber.Scrub(ex.Message));
        }
    }

    private async Task<OdooSetupReport> RunCoreAsync(IReadOnlyCollection<string> models, string webhookUrl, bool apply, CancellationToken ct)
    {
        var version = OdooVersion.Read(await transport.VersionAsync(ct))
            ?? throw new OdooServerException("Odoo's common.version answered no version this service understands");
        var installed = await InstalledModelsAsync(models.Concat(AccessNeed.Service.Select(n => n.Model)).Distinct().ToArray(), ct);
        var access = await Task.WhenAll(AccessNeed.Service.Select(need => installed.ContainsKey(need.Model)
            ? AccessAsync(need, ct)
            : Task.FromResult(new AccessReport(need.Model, false, false, false, false, "model not installed in this database"))));
        var wanted = models.Select(m => WebhookRule.For(m, webhookUrl)).ToArray();
        if (!version.SupportsWebhooks)
            return new OdooSetupReport(version.Text, false, access, Reports(RulePlanner.Unsupported(wanted, version)), 0,
                $"Odoo {version.Text} cannot send webhooks (they came with 17.0): the service follows changes through its poller alone, " +
                "every CartonaActors:ErpSync:PollInterval. Nothing to set up.");

        var followed = installed.Where(p => models.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var plans = RulePlanner.Plan(wanted, await RulesAsync(followed, ct), followed.Keys.ToHashSet(StringComparer.Ordinal));
        var pending = plans.Count(p => p.NeedsChange);
        if (apply)
            plans = await Task.WhenAll(plans.Select(p => p.NeedsChange ? ApplyAsync(p, installed[p.Wanted.Model], ct) : Task.FromResult(p)));
        var changed = apply ? pending : 0;
        var refused = access.Where(a => !a.Ok).Select(a => a.Model).ToArray();
        var message = (apply, pending) switch
        {
            (true, 0) => "Every rule was already in place: nothing changed.",
            (true, _) => $"{changed} rule(s) created or updated; Odoo now posts every save of these models to the service.",
            (false, 0) => "Every rule is in place.",
            (false, _) => $"{pending} rule(s) missing or outdated: run the setup with apply to fix them.",
        };
        if (refused.Length > 0) message += $" The integration user lacks rights on: {string.Join(", ", refused)}.";
        return new OdooSetupReport(version.Text, true, access, Reports(plans), changed, message);
    }

    private async Task<AccessReport> AccessAsync(AccessNeed need, CancellationToken ct)
    {
        // check_access_rights(operation, raise_exception=False): ir.model.access for this user, 15.0 to 18.0 alike
        // (18.0 deprecates it but keeps it, answering has_access(operation), its replacement).
        var granted = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var operation in new[] { "read", "write", "create" })
        {
            var answer = await transport.ExecuteKwAsync(need.Model, "check_access_rights", [operation],
                new Dictionary<string, object?> { ["raise_exception"] = false }, ct);
            granted[operation] = answer.ValueKind == JsonValueKind.True;
        }
        var missing = need.Operations().Where(o => !granted[o]).ToArray();
        return new AccessReport(need.Model, granted["read"], granted["write"], granted["create"], missing.Length == 0,
            missing.Length == 0 ? null : $"needs {string.Join(", ", missing)}");
    }

    // Model name -> ir.model id.
    private async Task<Dictionary<string, long>> InstalledModelsAsync(IReadOnlyCollection<string> models, CancellationToken ct) =>
        (await _client.SearchReadAsync("ir.model", [OdooDomain.Leaf("model", "in", models.ToArray())], ["model"], ct: ct))
        .Where(r => OdooValues.String(r, "model") is not null)
        .ToDictionary(r => OdooValues.String(r, "model")!, OdooValues.Id, StringComparer.Ordinal);

    private async Task<IReadOnlyCollection<ExistingRule>> RulesAsync(IReadOnlyDictionary<string, long> installed, CancellationToken ct)
    {
        var byId = installed.ToDictionary(p => p.Value, p => p.Key);
        var archivedToo = new Dictionary<string, object?> { ["active_test"] = false };
        var rules = await _client.SearchReadAsync(ExistingRule.OdooModel, [OdooDomain.Leaf("model_id", "in", byId.Keys.ToArray())],
            ExistingRule.Fields, order: "id asc", context: archivedToo, ct: ct);
        if (rules.Count == 0) return [];
        var actions = (await _client.SearchReadAsync(ExistingAction.OdooModel,
                [OdooDomain.Leaf("base_automation_id", "in", rules.Select(OdooValues.Id).ToArray())], ExistingAction.Fields, ct: ct))
            .Select(ExistingAction.From).ToLookup(a => a.RuleId);
        return rules.Select(r => ExistingRule.From(r, byId, actions[OdooValues.Id(r)])).ToArray();
    }

    private async Task<RulePlan> ApplyAsync(RulePlan plan, long modelId, CancellationToken ct)
    {
        var wanted = plan.Wanted;
        if (plan.State == RuleState.Missing)
        {
            var id = await _client.CreateAsync(ExistingRule.OdooModel, new Dictionary<string, object?>
            {
                ["name"] = wanted.Name, ["model_id"] = modelId, ["trigger"] = WebhookRule.Trigger, ["active"] = true,
                ["action_server_ids"] = new object[] { new object?[] { 0, 0, WebhookAction(wanted, modelId) } },
            }, ct: ct);
            return plan with { State = RuleState.Created, RuleId = id, Detail = $"created: {Shown(wanted)}" };
        }

        var ruleId = plan.RuleId!.Value;
        if (plan.RuleChanges is { Count: > 0 } changes) await _client.WriteAsync(ExistingRule.OdooModel, [ruleId], changes, ct: ct);
        if (plan.Action == ActionRepair.SetUrl)
            await _client.WriteAsync(ExistingAction.OdooModel, [plan.ActionId!.Value],
                new Dictionary<string, object?> { ["webhook_url"] = wanted.Url }, ct: ct);
        if (plan.Action == ActionRepair.Add)
            await _client.CreateAsync(ExistingAction.OdooModel,
                new Dictionary<string, object?>(WebhookAction(wanted, modelId)) { ["base_automation_id"] = ruleId }, ct: ct);
        if (plan.Duplicates is { Count: > 0 } duplicates)
            await _client.WriteAsync(ExistingRule.OdooModel, duplicates, new Dictionary<string, object?> { ["active"] = false }, ct: ct);
        return plan with { State = RuleState.Updated, Detail = $"updated ({plan.Detail.Split("; apply sets:")[0]}): {Shown(wanted)}" };
    }

    // No webhook_field_ids: Odoo then posts only _model, _id and _action, all the service reads (it reads values back).
    private static Dictionary<string, object?> WebhookAction(WebhookRule rule, long modelId) => new()
    {
        ["name"] = rule.Name, ["model_id"] = modelId, ["state"] = ExistingAction.WebhookState, ["usage"] = "base_automation",
        ["webhook_url"] = rule.Url,
    };

    private static string Shown(WebhookRule rule) => $"On save, webhook to {SecretScrubber.SafeUrl(rule.Url)}";

    private static RuleReport[] Reports(IEnumerable<RulePlan> plans) =>
        plans.Select(p => new RuleReport(p.Wanted.Model, p.Wanted.Name, p.State.ToString().ToLowerInvariant(), p.Detail)).ToArray();
}
