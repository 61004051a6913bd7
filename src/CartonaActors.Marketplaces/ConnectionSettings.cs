using CartonaActors.Domain.Listings;

namespace CartonaActors.Marketplaces;

/// <summary>
/// One configured marketplace connection (section <c>CartonaActors:Connections:N</c>): what every platform
/// shares. What only one platform knows (Cartona's auth header, a REST marketplace's endpoint templates) sits in
/// <see cref="Settings"/> and is bound and validated by that platform. Limits left unset take the platform's
/// published defaults.
/// </summary>
public sealed class ConnectionSettings
{
    /// <summary>Unique name; also the marketplace entity id and the name listings refer to.</summary>
    public string Name { get; set; } = "";

    /// <summary>Which registered platform this connection speaks (e.g. <c>cartona</c>, <c>rest</c>).</summary>
    public string Platform { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>API root of the marketplace.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The API credential. Prefer an environment variable (CartonaActors__Connections__0__Token). Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>Platform-specific keys (section <c>Connections:N:Settings</c>), bound by the platform.</summary>
    public Dictionary<string, string?> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Warehouses whose free quantity this connection sells; empty = all.</summary>
    public List<string> Warehouses { get; set; } = [];

    /// <summary>For platforms that sell per location: the platform's location id each warehouse stocks.</summary>
    public Dictionary<string, string> LocationByWarehouse { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Largest bulk call (default: the platform's maximum; never above it).</summary>
    public int? MaxBatchSize { get; set; }

    /// <summary>Sustained calls per second (default: the platform's published limit).</summary>
    public double? RequestsPerSecond { get; set; }

    /// <summary>Calls that may be made at once after a quiet period (default: the platform's).</summary>
    public int? Burst { get; set; }

    /// <summary>Calls in flight at once.</summary>
    public int MaxConcurrentRequests { get; set; } = 2;

    /// <summary>Per-call timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pull this connection's orders into the ERP (needs the Odoo connector and a platform with orders).</summary>
    public bool PullOrders { get; set; } = true;

    /// <summary>How often orders are pulled (besides on demand).</summary>
    public TimeSpan OrderPullInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Cursor sources: how far back the first pull reads, and how much each pull re-reads before its cursor.</summary>
    public TimeSpan OrderFirstLookback { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan OrderCursorOverlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the marketplace's own product list is read back and compared with what it confirmed
    /// (platforms that list products); zero turns it off. Read-back calls are made only when nothing else waits.</summary>
    public TimeSpan ReadBackInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Products per read-back call (default 100; at most the platform's largest page).</summary>
    public int? ReadBackPageSize { get; set; }

    /// <summary>ERP warehouse id new sale orders are routed to (none: the ERP's default).</summary>
    public long? OrderWarehouseId { get; set; }

    /// <summary>When an Odoo connector runs: list the ERP's variants on this connection by <see cref="ListingSource"/>.</summary>
    public bool ListErpVariants { get; set; } = true;

    /// <summary>Where the listing key comes from (default VariantId).</summary>
    public ListingSource ListingSource { get; set; } = ListingSource.VariantId;

    /// <summary>The ERP field holding the marketplace's id, for <see cref="ListingSource.ErpField"/> (e.g. x_cartona_id).</summary>
    public string? ListingField { get; set; }

    /// <summary>A boolean ERP field a variant must have set to be sold here (e.g. x_marketplace_sync); empty = every
    /// active, saleable variant.</summary>
    public string? OptInField { get; set; }

    /// <summary>Price rule: markup in percent (negative: discount), decimals (default: the platform's precision), floor.</summary>
    public decimal PriceMarkupPercent { get; set; }
    public int? PriceDecimals { get; set; }
    public decimal? MinimumPrice { get; set; }

    /// <summary>Stock rules: units kept back, most units shown, and below which zero is shown.</summary>
    public int StockSafetyBuffer { get; set; }
    public int? StockMaximumShown { get; set; }
    public int StockZeroBelow { get; set; }
}
