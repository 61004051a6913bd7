namespace CartonaActors.Marketplaces;

/// <summary>One configured marketplace connection (section <c>CartonaActors:Connections:N</c>).</summary>
public sealed class ConnectionSettings
{
    /// <summary>Unique name; also the marketplace entity id and the name listings refer to.</summary>
    public string Name { get; set; } = "";

    /// <summary>Platform kind; "cartona" for now.</summary>
    public string Platform { get; set; } = "cartona";

    /// <summary>API root, e.g. https://supplier-integrations.cartona.com/api/v1/</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The API token. Prefer an environment variable (CartonaActors__Connections__0__Token). Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>Header carrying the token. Cartona uses AuthorizationToken with the raw token.</summary>
    public string AuthHeader { get; set; } = "AuthorizationToken";

    /// <summary>Warehouses whose free quantity this connection sells; empty = all.</summary>
    public List<string> Warehouses { get; set; } = [];

    /// <summary>Largest bulk call; Cartona's documented client range is 1..1000.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Sustained calls per second allowed by the platform.</summary>
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>Calls that may be made at once after a quiet period.</summary>
    public int Burst { get; set; } = 10;

    /// <summary>Bulk calls in flight at once.</summary>
    public int MaxConcurrentRequests { get; set; } = 2;

    /// <summary>Per-call timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled { get; set; } = true;

    /// <summary>Pull this connection's orders into the ERP (needs the Odoo connector).</summary>
    public bool PullOrders { get; set; } = true;

    /// <summary>How often orders are pulled (besides on demand).</summary>
    public TimeSpan OrderPullInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Odoo warehouse id new sale orders are routed to (none: Odoo's default).</summary>
    public long? OrderWarehouseId { get; set; }

    /// <summary>When an Odoo connector runs: list every active, saleable Odoo variant on this connection under
    /// internal_product_id = variant id (what the Cartona module does).</summary>
    public bool ListErpVariants { get; set; } = true;
}
