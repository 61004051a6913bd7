namespace CartonaActors.Erp.Setup;

/// <summary>Where one model's rule stands. Check reports ok, missing, outdated or unsupported; apply turns missing
/// into created and outdated into updated.</summary>
public enum RuleState { Ok, Missing, Outdated, Created, Updated, Unsupported }

/// <summary>
/// What the service's rule on one model needs: nothing (<see cref="RuleState.Ok"/>), to be created, or the listed
/// repairs of an existing rule. <see cref="Detail"/> never holds the webhook secret.
/// </summary>
/// <param name="RuleId">The existing rule kept (missing: null).</param>
/// <param name="RuleChanges">Values to write on that rule (archived, trigger, filters).</param>
/// <param name="Action">What its webhook action needs.</param>
/// <param name="ActionId">The webhook action to correct (<see cref="ActionRepair.SetUrl"/>).</param>
/// <param name="Duplicates">More rules of the same name and model, archived so each save posts once.</param>
public sealed record RulePlan(
    WebhookRule Wanted,
    RuleState State,
    string Detail,
    long? RuleId = null,
    IReadOnlyDictionary<string, object?>? RuleChanges = null,
    ActionRepair Action = ActionRepair.None,
    long? ActionId = null,
    IReadOnlyList<long>? Duplicates = null)
{
    public bool NeedsChange => State is RuleState.Missing or RuleState.Outdated;
}

/// <summary>How a kept rule's webhook action is repaired.</summary>
public enum ActionRepair { None, SetUrl, Add }
