using System.Collections.Concurrent;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// Runs a transaction the way Odoo 18 does with webhook automations: take the start time, stage the changes,
/// find the rules each changed record triggers (<see cref="AutomationRules"/>), read its webhook payloads from the
/// staged view (new values), POST while other readers still see the old ones, then commit — or not, depending on the <see cref="WebhookMode"/>.
/// </summary>
internal sealed class TransactionRunner(
    OdooStore store,
    OdooEmulatorOptions options,
    WebhookSender sender,
    ConcurrentDictionary<string, OdooWebhookTarget> targets)
{
    public async Task RunAsync(long uid, Action<OdooTransaction> build, WebhookMode mode, CancellationToken ct)
    {
        var transaction = new OdooTransaction(store, TransactionStart(), uid);
        build(transaction);
        if (transaction.IsEmpty) return;

        var webhooks = store.Read(committed =>
        {
            var staged = new StagedView(committed);
            var changed = transaction.ApplyTo(staged);
            return mode == WebhookMode.Lost ? [] : Payloads(changed, committed, staged);
        });

        foreach (var (model, id, url, body) in webhooks)
        {
            await sender.PostAsync(model, id, url, body, mode, ct);
            if (mode == WebhookMode.Duplicate) await sender.PostAsync(model, id, url, body, mode, ct);
        }
        if (mode == WebhookMode.Rollback) return;

        if (options.CommitDelay > TimeSpan.Zero) await Task.Delay(options.CommitDelay, ct); // real time: a test clock may stand still
        store.Mutate(committed => transaction.ApplyTo(committed));
    }

    // PostgreSQL now(): the transaction's start, microsecond precision.
    private DateTime TransactionStart()
    {
        var now = options.Clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }

    private List<(string Model, long Id, string Url, string Body)> Payloads(
        IReadOnlyList<(string Model, long Id)> changed, IRecordSource committed, IRecordSource staged)
    {
        var payloads = new List<(string, long, string, string)>();
        var rules = AutomationRules.Read(staged, targets);
        foreach (var (model, id) in changed)
        {
            if (staged.Find(model, id) is not { } record) continue;
            foreach (var target in rules.For(model, committed.Find(model, id), record))
                payloads.Add((model, id, target.Url, Payload(model, record, target, staged)));
        }
        return payloads;
    }

    // _run_action_webhook: _model, _id, _action, and record.read(fields, load=None) when fields are selected.
    private string Payload(string model, OdooRecord record, OdooWebhookTarget target, IRecordSource staged)
    {
        var values = new List<KeyValuePair<string, object?>>();
        var names = target.Fields ?? OdooWebhookTarget.DefaultFields(model);
        if (names.Count > 0)
        {
            var definition = store.Model(model);
            // Bare many2one ids; computes see the transaction's own changes.
            values = new RecordFormatter(store, definition, RecordFormatter.Resolve(definition, names), classicLoad: false)
                .Format(record, new OdooComputeContext(staged, null));
        }
        values.Add(new("_model", model));
        values.Add(new("_id", record.Id));
        values.Add(new("_action", $"{target.ActionName}(#{target.ActionId})"));
        return PythonJson.Dumps(values);
    }
}
