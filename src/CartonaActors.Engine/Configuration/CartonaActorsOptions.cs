using CartonaActors.Erp;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Configuration;

/// <summary>The service's one configuration model, bound from the <c>CartonaActors</c> section
/// (environment: <c>CartonaActors__Persistence__Provider=PostgreSql</c> and so on).</summary>
public sealed class CartonaActorsOptions
{
    public const string Section = "CartonaActors";

    public PersistenceOptions Persistence { get; set; } = new();
    public ClusterNodeOptions Cluster { get; set; } = new();
    public SyncOptions Sync { get; set; } = new();

    /// <summary>Marketplace connections, of any registered platform. When empty, the service runs its in-process sandbox marketplace.</summary>
    public List<ConnectionSettings> Connections { get; set; } = [];

    /// <summary>The Odoo 18 database the catalog comes from. Without a Url the ERP connector is off and
    /// products come only through the HTTP ingress.</summary>
    public OdooSettings Odoo { get; set; } = new();

    public ErpSyncOptions ErpSync { get; set; } = new();

    public OrderSyncOptions Orders { get; set; } = new();

    public AdminOptions Admin { get; set; } = new();

    public SyncLogOptions SyncLog { get; set; } = new();

    public bool ErpEnabled => !string.IsNullOrWhiteSpace(Odoo.Url);
}

public sealed class ErpSyncOptions
{
    /// <summary>Secret that Odoo's webhook URL must carry (?token=… or header X-Webhook-Token). Required when
    /// the ERP connector is on. Secret: set CartonaActors__ErpSync__WebhookSecret.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Webhooks arriving within this window become one batched read from Odoo.</summary>
    public TimeSpan CollectWindow { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Odoo 18 posts webhooks before its transaction commits: the touched variants are read again
    /// after this delay, when the commit has landed.</summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Each poll re-reads this much before its cursor: write_date is the transaction's start time, so a
    /// long transaction commits rows behind a cursor that already moved on.</summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Models the poller watches. product.product's write_date also moves with its template;
    /// stock.quant's with every quantity and reservation change; an attribute's extra price moves only the
    /// product.template.attribute.value, never the variants it prices.</summary>
    public List<string> PolledModels { get; set; } = ["product.product", "stock.quant", "product.template.attribute.value"];

    /// <summary>Product updates in flight at once while feeding a page (keeps the journal queue bounded).</summary>
    public int FeedConcurrency { get; set; } = 256;

    /// <summary>A catalog load feeds its next page only while no listing connection has more than this many pushes
    /// queued (0: no limit). Reading Odoo twice as fast as a marketplace takes it only piles up memory.</summary>
    public int CatalogLoadMaxQueued { get; set; } = 20_000;
}

public sealed class AdminOptions
{
    /// <summary>Bearer token every HTTP endpoint but the health probes and the webhooks requires. Optional while
    /// the service listens on loopback only; required otherwise. Secret: set CartonaActors__Admin__Token.</summary>
    public string? Token { get; set; }

    public bool TokenConfigured => !string.IsNullOrWhiteSpace(Token);
}

public enum PersistenceProvider { Sqlite, PostgreSql }

public sealed class PersistenceOptions
{
    public PersistenceProvider Provider { get; set; } = PersistenceProvider.Sqlite;

    /// <summary>ADO.NET connection string. Default for SQLite: a file under ./data. Required for PostgreSql.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Queued journal writes before the journal refuses more; must exceed the largest burst of
    /// products persisting at once (a catalog-wide sync), see spike.md §3.</summary>
    public int JournalBufferSize { get; set; } = 50_000;

    public string EffectiveConnectionString => ConnectionString is { Length: > 0 } cs ? cs
        : Provider == PersistenceProvider.Sqlite ? $"Data Source=data/{ProductName.Kebab}.db"
        : throw new InvalidOperationException(
            "CartonaActors:Persistence:ConnectionString is required when Provider is PostgreSql");
}

public sealed class ClusterNodeOptions
{
    public string ActorSystemName { get; set; } = ProductName.Kebab;
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>Remoting port; 0 picks a free one (a node with no seed nodes joins itself).</summary>
    public int Port { get; set; } = 4053;

    /// <summary>Seed node addresses, e.g. akka.tcp://&lt;ActorSystemName&gt;@node-0:4053. Empty: single node, self-join.</summary>
    public List<string> SeedNodes { get; set; } = [];

    public int ShardCount { get; set; } = 100;
}

public sealed class SyncOptions
{
    /// <summary>Wait this long after a product's last change before pushing it.</summary>
    public TimeSpan DebounceQuietWindow { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Never hold a changed product longer than this. A product changing several times a second never
    /// has a quiet window, so this is its latency; the push slices coalesce what it offers meanwhile anyway
    /// (1,000 changes/s with ten hot products: p99 1.15 s at 1 s, 0.68 s at 0.5 s, the same number of calls).</summary>
    public TimeSpan DebounceMaxDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Push again when a marketplace has not confirmed within this time (its entity may have restarted).</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A product with nothing left to push stops after being idle this long. Bounds memory by the change
    /// rate, not the catalog: a catalog load at 5,000 products/s keeps about 30 s of them (~150,000) loaded.</summary>
    public TimeSpan PassivateIdleAfter { get; set; } = TimeSpan.FromSeconds(30);

    public int SnapshotEvery { get; set; } = 100;

    /// <summary>Push slices per connection: the persistent entities that hold what each connection was sent,
    /// confirmed and refused, for a share of the catalog each. Fixed for the life of a journal.</summary>
    public int PushSlices { get; set; } = 16;

    /// <summary>First and longest wait between retries of a failed bulk call.</summary>
    public TimeSpan RetryMinBackoff { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan RetryMaxBackoff { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>The sync log: a projection of the journal into its own table, pruned so it never grows unbounded
/// (the old Odoo module's log reached 9.4 million rows and stalled its dashboard).</summary>
public sealed class SyncLogOptions
{
    /// <summary>Rows older than this are deleted.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>At most this many rows are kept; the oldest beyond it are deleted.</summary>
    public long MaxRows { get; set; } = 1_000_000;

    /// <summary>How often the retention and the cap are applied.</summary>
    public TimeSpan PruneEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows per delete: small deletes keep each write transaction short, so the journal never waits long.</summary>
    public int PruneBatch { get; set; } = 5_000;

    /// <summary>Projection restarts after a failure wait from this long, doubling up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When the log has stored nothing yet, read the whole journal once, so history written before the
    /// log existed (an upgrade) is in it too. Off: the log starts with the events written from now on.</summary>
    public bool Backfill { get; set; } = true;
}

public sealed class OrderSyncOptions
{
    /// <summary>What a delivery validated in the ERP becomes on the marketplace: the stage Delivered or Shipped
    /// (each platform sends its own status for it).</summary>
    public string DeliveredStage { get; set; } = "Delivered";

    /// <summary>Reason sent with a seller cancellation; empty: each platform's default.</summary>
    public string? CancellationReason { get; set; }

    /// <summary>How often a held order (e.g. an unknown product) is checked again.</summary>
    public TimeSpan HeldRecheck { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many orders of a node work against Odoo at once (import, line edits, confirm, cancel,
    /// delivery); the rest wait their turn without a timeout running. Twice Odoo's call concurrency keeps the
    /// ERP busy while each order makes its calls one after another.</summary>
    public int ConcurrentErpSteps { get; set; } = 16;

    /// <summary>An order or customer entity idle this long leaves memory (its journal stays); one still
    /// working against Odoo leaves once that work is recorded.</summary>
    public TimeSpan PassivateIdleAfter { get; set; } = TimeSpan.FromMinutes(2);
}
