namespace CartonaActors.Sandbox.Odoo;

/// <summary>How a transaction's "Send Webhook Notification" automations behave (odoo.md §3.1).</summary>
public enum WebhookMode
{
    /// <summary>Odoo 18: POST each webhook synchronously before commit (1 s timeout), then commit
    /// (after <see cref="OdooEmulatorOptions.CommitDelay"/>). A receiver reading back during the POST sees old values.</summary>
    Normal,

    /// <summary>POST the webhooks, then roll the transaction back: the notified change never becomes visible.</summary>
    Rollback,

    /// <summary>Commit without any webhook (automation disabled, or the POST lost on the way).</summary>
    Lost,

    /// <summary>POST every webhook twice (two rules, or a retried save), then commit.</summary>
    Duplicate,
}
