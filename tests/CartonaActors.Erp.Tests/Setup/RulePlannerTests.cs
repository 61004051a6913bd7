using CartonaActors.Erp.Setup;

namespace CartonaActors.Erp.Tests.Setup;

public sealed class RulePlannerTests
{
    private const string Secret = "hook-secret-5e7a91";
    private static readonly string Url = WebhookRule.UrlFor("https://sync.example.com/", Secret);
    private static readonly WebhookRule Product = WebhookRule.For("product.product", Url);
    private static readonly HashSet<string> Installed = ["product.product", "sale.order"];

    private static ExistingRule Rule(long id = 7, string? name = null, string model = "product.product", string trigger = WebhookRule.Trigger,
        bool active = true, string? filter = null, long[]? triggerFields = null, params ExistingAction[] actions) =>
        new(id, name ?? Product.Name, model, trigger, active, filter, null, triggerFields ?? [], actions);

    private static ExistingAction Webhook(string url, long id = 70, long rule = 7) => new(id, rule, "push", ExistingAction.WebhookState, url);

    private static RulePlan PlanOf(params ExistingRule[] existing) => Assert.Single(RulePlanner.Plan([Product], existing, Installed));

    [Fact]
    public void Without_a_rule_of_its_name_the_model_is_missing_whatever_else_exists()
    {
        var plan = PlanOf(Rule(name: "Someone's own rule", actions: Webhook(Url)), Rule(id: 8, model: "sale.order", actions: Webhook(Url)));
        Assert.Equal(RuleState.Missing, plan.State);
        Assert.Null(plan.RuleId);
        Assert.Contains("https://sync.example.com/webhooks/odoo?token=***", plan.Detail);
    }

    [Fact]
    public void A_rule_on_save_posting_to_the_url_is_ok_and_needs_nothing()
    {
        var plan = PlanOf(Rule(actions: [new(69, 7, "log it", "code", null), Webhook(Url)]));
        Assert.Equal(RuleState.Ok, plan.State);
        Assert.False(plan.NeedsChange);
        Assert.Equal(7, plan.RuleId);
    }

    [Fact]
    public void An_old_token_is_outdated_and_its_action_gets_the_new_url_without_either_secret_in_the_detail()
    {
        var plan = PlanOf(Rule(actions: Webhook(WebhookRule.UrlFor("https://sync.example.com", "old-secret-0042"))));
        Assert.Equal(RuleState.Outdated, plan.State);
        Assert.Equal((ActionRepair.SetUrl, 70L), (plan.Action, plan.ActionId));
        Assert.Contains("another token", plan.Detail);
        Assert.DoesNotContain(Secret, plan.Detail);
        Assert.DoesNotContain("old-secret-0042", plan.Detail);
        Assert.Empty(plan.RuleChanges!);
    }

    [Fact]
    public void Another_address_is_named_masked()
    {
        var plan = PlanOf(Rule(actions: Webhook("http://old-host:5080/webhooks/odoo?token=old-secret-0042")));
        Assert.Contains("posts to http://old-host:5080/webhooks/odoo?token=***", plan.Detail);
        Assert.DoesNotContain("old-secret-0042", plan.Detail);
    }

    [Fact]
    public void An_archived_rule_with_another_trigger_a_filter_and_trigger_fields_is_repaired_field_by_field()
    {
        var plan = PlanOf(Rule(trigger: "on_write", active: false, filter: "[('sale_ok', '=', True)]", triggerFields: [3, 4], actions: Webhook(Url)));
        Assert.Equal(RuleState.Outdated, plan.State);
        Assert.Equal(true, plan.RuleChanges!["active"]);
        Assert.Equal(WebhookRule.Trigger, plan.RuleChanges["trigger"]);
        Assert.Equal(false, plan.RuleChanges["filter_domain"]);
        Assert.True(plan.RuleChanges.ContainsKey("trigger_field_ids"));
        Assert.Equal(ActionRepair.None, plan.Action);
        Assert.Contains("archived", plan.Detail);
        Assert.Contains("'on_write'", plan.Detail);
    }

    [Fact]
    public void An_empty_filter_is_no_filter()
    {
        Assert.Equal(RuleState.Ok, PlanOf(Rule(filter: "[]", actions: Webhook(Url))).State);
    }

    [Fact]
    public void A_rule_without_a_webhook_action_gets_one()
    {
        var plan = PlanOf(Rule(actions: new ExistingAction(69, 7, "log it", "code", null)));
        Assert.Equal((RuleState.Outdated, ActionRepair.Add), (plan.State, plan.Action));
    }

    [Fact]
    public void Of_two_rules_of_the_name_the_active_one_is_kept_and_the_other_active_one_archived()
    {
        var plan = PlanOf(Rule(id: 3, active: false), Rule(id: 5, actions: Webhook(Url, rule: 5)), Rule(id: 9, actions: Webhook(Url, 90, 9)));
        Assert.Equal(RuleState.Outdated, plan.State);
        Assert.Equal(5, plan.RuleId);
        Assert.Equal([9L], plan.Duplicates);
    }

    [Fact]
    public void A_hand_made_rule_posting_to_the_service_too_is_named_and_left_alone()
    {
        var plan = PlanOf(Rule(actions: Webhook(Url)),
            Rule(id: 8, name: "Push price to sync", actions: Webhook(WebhookRule.UrlFor("https://sync.example.com", "old-secret-0042"), 80, 8)),
            Rule(id: 9, name: "Tell the warehouse", actions: Webhook("https://wms.example.com/hook", 90, 9)));
        Assert.Equal(RuleState.Ok, plan.State);
        Assert.Contains("'Push price to sync' also posts here", plan.Detail);
        Assert.DoesNotContain("Tell the warehouse", plan.Detail);
        Assert.DoesNotContain("old-secret-0042", plan.Detail);
    }

    [Fact]
    public void A_model_the_database_lacks_is_unsupported()
    {
        var plan = Assert.Single(RulePlanner.Plan([WebhookRule.For("stock.move", Url)], [], Installed));
        Assert.Equal(RuleState.Unsupported, plan.State);
        Assert.Contains("not installed", plan.Detail);
    }

    [Fact]
    public void Before_17_every_rule_is_unsupported_and_the_poller_named()
    {
        var plan = Assert.Single(RulePlanner.Unsupported([Product], new OdooVersion("16.0", 16, 0)));
        Assert.Equal(RuleState.Unsupported, plan.State);
        Assert.Contains("poller", plan.Detail);
    }

    [Fact]
    public void The_url_escapes_the_secret_and_drops_a_trailing_slash()
    {
        Assert.Equal("http://h:1/webhooks/odoo?token=a%26b%3D", WebhookRule.UrlFor("http://h:1/", "a&b="));
    }
}
