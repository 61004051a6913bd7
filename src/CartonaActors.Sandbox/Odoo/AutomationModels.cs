namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// The models behind Odoo's automation rules (odoo.md §3): <c>ir.model</c> and <c>ir.model.fields</c> (one row per
/// registered model and field, as the registry fills them), <c>base.automation</c> and <c>ir.actions.server</c>.
/// From 17.0 a rule holds its actions in <c>action_server_ids</c> and an action may be a "Send Webhook Notification"
/// (<c>state = 'webhook'</c>, <c>webhook_url</c>, <c>webhook_field_ids</c>); before 17.0 a rule inherits one server
/// action (<c>action_server_id</c>) and no webhook state or field exists.
/// </summary>
internal static class AutomationModels
{
    public const string Model = "ir.model";
    public const string Field = "ir.model.fields";
    public const string Rule = "base.automation";
    public const string Action = "ir.actions.server";

    /// <summary>Triggers that fire on create / on write (base_automation's CREATE_TRIGGERS / WRITE_TRIGGERS, the
    /// ones that need no extra field reference).</summary>
    public static readonly IReadOnlySet<string> CreateTriggers = new HashSet<string>(StringComparer.Ordinal) { "on_create", "on_create_or_write" };
    public static readonly IReadOnlySet<string> WriteTriggers = new HashSet<string>(StringComparer.Ordinal) { "on_write", "on_create_or_write" };

    private static readonly string[] Triggers =
    [
        "on_stage_set", "on_user_set", "on_tag_set", "on_state_set", "on_priority_set", "on_archive", "on_unarchive",
        "on_create_or_write", "on_create", "on_write", "on_unlink", "on_change", "on_time", "on_time_created",
        "on_time_updated", "on_message_received", "on_message_sent", "on_webhook",
    ];

    private static readonly string[] ActionStatesBefore17 = ["code", "object_create", "object_write", "multi", "email", "followers", "next_activity", "sms"];
    private static readonly string[] ActionStates = ["object_write", "object_create", "object_copy", "code", "webhook", "multi", "mail_post", "followers", "remove_followers", "next_activity", "sms"];

    public static IEnumerable<OdooModel> All(OdooServerVersion version)
    {
        yield return new OdooModel(Model) { DisplayName = (m, _) => m["name"] as string ?? "" }
            .Char("model").Char("name").Char("state")
            .One2Many("field_id", Field, "model_id");

        yield return new OdooModel(Field) { DisplayName = (f, _) => f["field_description"] as string ?? "" }
            .Char("name").Char("field_description").Char("model").Char("ttype").Char("relation")
            .Many2One("model_id", Model, indexed: true);

        var rule = new OdooModel(Rule)
            {
                CreateDefaults = (_, _, _) => new Dictionary<string, object?> { ["webhook_uuid"] = Guid.NewGuid().ToString() },
                OnCreate = (_, _, values) =>
                {
                    Require(Rule, values, "name", "model_id");
                    Choose(values, "trigger", Triggers);
                },
                OnWrite = (_, _, values) => Choose(values, "trigger", Triggers),
            }
            .Char("name").Char("description").Active()
            .Many2One("model_id", Model)
            .Computed("model_name", OdooFieldType.Char, (r, view) => ModelName(r, view.Source))
            .Selection("trigger", "on_create_or_write")
            .Char("filter_pre_domain").Char("filter_domain")
            .Many2Many("trigger_field_ids", Field)
            .Datetime("last_run")
            .Char("webhook_uuid")
            .Char("record_getter")
            .Boolean("log_webhook_calls");

        var action = new OdooModel(Action)
            .Char("name").Char("type").Selection("usage", "ir_actions_server")
            .Selection("state", "object_write")
            .Integer("sequence", 5)
            .Many2One("model_id", Model)
            .Computed("model_name", OdooFieldType.Char, (a, view) => ModelName(a, view.Source))
            .Char("code");
        var states = version.HasWebhookActions ? ActionStates : ActionStatesBefore17;
        action.OnCreate = (_, _, values) =>
        {
            Require(Action, values, "name", "model_id");
            Choose(values, "state", states);
        };
        action.OnWrite = (_, _, values) => Choose(values, "state", states);

        if (version.HasWebhookActions)
        {
            action.Many2One("base_automation_id", Rule, indexed: true)
                .Char("webhook_url")
                .Many2Many("webhook_field_ids", Field);
            rule.One2Many("action_server_ids", Action, "base_automation_id");
            // ondelete='cascade': deleting a rule deletes its actions.
            rule.OnUnlink = (tx, ids) => tx.Unlink(Action,
                tx.Read(source => ids.SelectMany(id => source.Referencing(Action, "base_automation_id", id)).Select(a => a.Id).ToArray()));
        }
        else
        {
            rule.Many2One("action_server_id", Action);
        }
        yield return rule;
        yield return action;
    }

    /// <summary>One ir.model row per registered model and one ir.model.fields row per field, as after a module update.</summary>
    public static void Describe(OdooEmulator emulator, IReadOnlyCollection<OdooModel> models)
    {
        var modelIds = emulator.Seed(Model, models.Select(m => new Dictionary<string, object?>
        {
            ["model"] = m.Name, ["name"] = m.Name, ["state"] = "base",
        }).ToArray());
        emulator.Seed(Field, models.Zip(modelIds).SelectMany(pair => pair.First.Readable().Select(f => new Dictionary<string, object?>
        {
            ["name"] = f.Name, ["field_description"] = f.Name, ["model"] = pair.First.Name, ["model_id"] = pair.Second,
            ["ttype"] = TypeName(f), ["relation"] = f.Relation,
        })).ToArray());
    }

    /// <summary>The technical name of the model a rule or action is on (their related <c>model_name</c>).</summary>
    public static string? ModelName(OdooRecord record, IRecordSource source) =>
        record["model_id"] is long id ? source.Find(Model, id)?["model"] as string : null;

    private static string TypeName(OdooField field) => field.Type switch
    {
        OdooFieldType.Char => "char",
        OdooFieldType.Integer => "integer",
        OdooFieldType.Float => "float",
        OdooFieldType.Boolean => "boolean",
        OdooFieldType.Datetime => "datetime",
        OdooFieldType.Many2One => "many2one",
        OdooFieldType.Selection => "selection",
        _ => field.IsMany2Many ? "many2many" : "one2many",
    };

    // A NOT NULL column: PostgreSQL's IntegrityError, as execute_kw reports it (odoo.md §1.1).
    private static void Require(string model, IReadOnlyDictionary<string, object?> values, params string[] fields)
    {
        foreach (var field in fields)
            if (!values.TryGetValue(field, out var value) || FieldValues.ToStored(new OdooField(field, OdooFieldType.Char), value) is null or "")
                throw OdooFault.Validation($"The operation cannot be completed: Missing required value for the field '{field}' on model '{model}'.");
    }

    // fields.Selection refuses keys it does not list.
    private static void Choose(IReadOnlyDictionary<string, object?> values, string field, IReadOnlyCollection<string> keys)
    {
        if (!values.TryGetValue(field, out var value)) return;
        var key = FieldValues.ToStored(new OdooField(field, OdooFieldType.Selection), value) as string;
        if (key is not null && !keys.Contains(key)) throw OdooFault.Value($"Wrong value for {field}: '{key}'");
    }
}
