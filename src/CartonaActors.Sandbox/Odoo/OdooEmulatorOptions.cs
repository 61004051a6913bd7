namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// Knobs of an <see cref="OdooEmulator"/>. <see cref="Port"/>, <see cref="Database"/> and <see cref="Users"/> are
/// read once at start; the delays and timeouts are read on every use, so a test may change them while running.
/// </summary>
public sealed class OdooEmulatorOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The one database served; other names fail as PostgreSQL would.</summary>
    public string Database { get; set; } = "erp";

    /// <summary>Users that may authenticate. Required: an emulator that accepts anyone proves nothing.</summary>
    public IList<OdooUser> Users { get; set; } = [];

    /// <summary>The Odoo version played, read once at start: what <c>common.version</c> answers and which automation
    /// models and fields exist ("Send Webhook Notification" actions from 17.0). "18.0" by default; "16.0", "saas~17.2"…</summary>
    public string ServerVersion { get; set; } = "18.0";

    /// <summary>Operations ("read", "write", "create", "unlink") the users lack per model (model → operations), as
    /// missing <c>ir.model.access</c> rows: <c>check_access_rights</c> answers false for them and the ORM methods
    /// that need them fail with AccessError. Read on every call.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string[]> RefusedAccess { get; } = new(StringComparer.Ordinal);

    /// <summary>Source of transaction timestamps (write_date). Tests may pass a controllable one.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Between a transaction's last webhook POST and its commit (a slow save).</summary>
    public TimeSpan CommitDelay { get; set; }

    /// <summary>Webhook client timeout: Odoo 18 uses 1 s.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Webhook behaviour of transactions made over JSON-RPC (create, write, model methods).</summary>
    public WebhookMode RpcWebhookMode { get; set; } = WebhookMode.Normal;

    /// <summary>Held before answering every JSON-RPC call (a slow or hanging server); zero by default.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Calls ("model/method", e.g. <c>sale.order/create</c>) whose next answer is lost: the work is done
    /// and committed, then the answer is held until the client gives up, as when a connection drops after Odoo
    /// committed. Each entry counts the calls it still affects.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> LoseAnswers { get; } = new(StringComparer.Ordinal);

    /// <summary>Sales setting "Lock Confirmed Sales" (<c>sale.group_auto_done_setting</c>): action_confirm also
    /// sets <c>locked</c>, so later line edits and cancellation are refused.</summary>
    public bool LockConfirmedOrders { get; set; }

    internal void Validate()
    {
        if (Users is null || Users.Count == 0 || Users.Any(u => string.IsNullOrEmpty(u.ApiKey) || string.IsNullOrEmpty(u.Login)))
            throw new ArgumentException("OdooEmulatorOptions.Users must hold at least one user with a login and an API key.");
        if (Port is < 0 or > 65535) throw new ArgumentException($"OdooEmulatorOptions.Port {Port} is not a valid port.");
        if (string.IsNullOrEmpty(Database)) throw new ArgumentException("OdooEmulatorOptions.Database is required.");
        OdooServerVersion.Parse(ServerVersion ?? "");
    }
}
