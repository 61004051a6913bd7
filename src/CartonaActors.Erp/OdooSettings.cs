namespace CartonaActors.Erp;

/// <summary>How to reach one Odoo 18 database (section <c>CartonaActors:Odoo</c>). Absent Url = no ERP connector.</summary>
public sealed class OdooSettings
{
    /// <summary>Server root, e.g. https://erp.example.com/ (the client posts to <c>/jsonrpc</c>).</summary>
    public string Url { get; set; } = "";
    public string Database { get; set; } = "";

    /// <summary>The integration user's login.</summary>
    public string Login { get; set; } = "";

    /// <summary>The user's API key (sent as the password). Secret: set CartonaActors__Odoo__ApiKey. Never logged.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The service's own address as Odoo reaches it (e.g. https://sync.example.com): the automation rules
    /// that <c>cartonactl odoo setup</c> makes post to <c>&lt;this&gt;/webhooks/odoo?token=&lt;webhook secret&gt;</c>.</summary>
    public string? WebhookBaseUrl { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>JSON-RPC calls in flight at once (per client); more wait their turn. Keep it near Odoo's worker count.</summary>
    public int MaxConcurrentCalls { get; set; } = 8;

    /// <summary>Records per search_read page (catalog load, poller).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Optional boolean field on product.product meaning "unlimited stock" (the Cartona module's
    /// <c>cartona_is_unlimited_stock</c>); null or empty = no such field.</summary>
    public string? UnlimitedStockField { get; set; }

    /// <summary>More product.product fields to read with every variant (the ones connections list or opt in by,
    /// e.g. <c>x_cartona_id</c>, <c>barcode</c>, <c>x_marketplace_sync</c>); filled from the connections.</summary>
    public List<string> ExtraVariantFields { get; set; } = [];
}
