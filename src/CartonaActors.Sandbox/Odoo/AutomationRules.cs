using System.Collections.Concurrent;
using static CartonaActors.Sandbox.Odoo.AutomationModels;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// Which "Send Webhook Notification" POSTs a saved record makes, as base_automation decides in 17.0+: every active
/// rule of the record's model whose trigger fires on that save (create or write; with trigger fields, only when one
/// of them changed), one POST per webhook action of the rule, in sequence order. The emulator's
/// <see cref="OdooEmulator.WebhookTargets"/> stand for rules set up outside its records and fire on every save.
/// Rules are read once per transaction, from its own view (a rule saved in it applies to it).
/// </summary>
internal sealed class AutomationRules
{
    private readonly ConcurrentDictionary<string, OdooWebhookTarget> _shortcuts;
    private readonly ILookup<string, Rule> _rules;

    private AutomationRules(ConcurrentDictionary<string, OdooWebhookTarget> shortcuts, ILookup<string, Rule> rules)
    {
        _shortcuts = shortcuts;
        _rules = rules;
    }

    public static AutomationRules Read(IRecordSource view, ConcurrentDictionary<string, OdooWebhookTarget> shortcuts) =>
        new(shortcuts, view.All(AutomationModels.Rule)
            .Where(r => r["active"] is true && ModelName(r, view) is not null)
            .OrderBy(r => r.Id)
            .Select(r => new Rule(ModelName(r, view)!, r["trigger"] as string ?? "", FieldNames(r["trigger_field_ids"], view), Webhooks(r, view)))
            .Where(r => r.Targets.Count > 0)
            .ToLookup(r => r.Model, StringComparer.Ordinal));

    /// <param name="before">The committed record; null when the transaction created it.</param>
    /// <param name="after">The record as the transaction leaves it.</param>
    public IEnumerable<OdooWebhookTarget> For(string model, OdooRecord? before, OdooRecord after)
    {
        if (_shortcuts.TryGetValue(model, out var shortcut)) yield return shortcut;
        foreach (var rule in _rules[model])
        {
            if (!(before is null ? CreateTriggers : WriteTriggers).Contains(rule.Trigger)) continue;
            if (before is not null && rule.TriggerFields.Count > 0 && !rule.TriggerFields.Any(f => Changed(f, before, after))) continue;
            foreach (var target in rule.Targets) yield return target;
        }
    }

    private static bool Changed(string field, OdooRecord before, OdooRecord after) =>
        (before[field], after[field]) switch
        {
            (long[] old, long[] @new) => !old.SequenceEqual(@new),
            var (old, @new) => !Equals(old, @new),
        };

    private static IReadOnlyList<OdooWebhookTarget> Webhooks(OdooRecord rule, IRecordSource view) =>
        view.Referencing(AutomationModels.Action, "base_automation_id", rule.Id)
            .Where(a => a["state"] is "webhook" && a["webhook_url"] is string { Length: > 0 })
            .OrderBy(a => a["sequence"] as long? ?? 0).ThenBy(a => a.Id)
            .Select(a => new OdooWebhookTarget((string)a["webhook_url"]!, FieldNames(a["webhook_field_ids"], view), a["name"] as string ?? "", a.Id))
            .ToArray();

    private static IReadOnlyList<string> FieldNames(object? ids, IRecordSource view) =>
        (ids as long[] ?? []).Select(id => view.Find(Field, id)?["name"] as string).OfType<string>().ToArray();

    private sealed record Rule(string Model, string Trigger, IReadOnlyList<string> TriggerFields, IReadOnlyList<OdooWebhookTarget> Targets);
}
