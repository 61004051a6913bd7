using System.Collections.Concurrent;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// Runs a transaction the way Odoo 18 does with webhook automations: take the start time, stage the changes,
/// read each changed record's webhook payload from the staged view (new values), POST while other readers still
/// see the old ones, then commit — or not, depending on the <see cref="WebhookMode"/>.
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
            return mode == WebhookMode.Lost ? [] : Payloads(changed, staged);
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
        IReadOnlyList<(string Model, long Id)> changed, IRecordSource staged)
    {
        var payloads = new List<(string, long, string, string)>();
        foreach (var (model, id) in changed)
        {
            if (!targets.TryGetValue(model, out var target) || staged.Find(model, id) is not { } record) continue;
            var definition = store.Model(model);
            var fields = RecordFormatter.Resolve(definition, target.Fields ?? OdooWebhookTarget.DefaultFields(model));
            // record.read(fields, load=None): bare many2one ids; computes see the transaction's own changes.
            var values = new RecordFormatter(store, definition, fields, classicLoad: false)
                .Format(record, new OdooComputeContext(staged, null));
            values.Add(new("_model", model));
            values.Add(new("_id", id));
            values.Add(new("_action", $"{target.ActionName}(#{target.ActionId})"));
            payloads.Add((model, id, target.Url, PythonJson.Dumps(values)));
        }
        return payloads;
    }
}
