using CartonaActors.Sandbox.Hosting;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// An Odoo 18 database behind <c>POST /jsonrpc</c> over real HTTP on loopback: API-key authentication, the ORM
/// methods over an in-memory model store with Odoo's domain, order, context and error semantics, and
/// "Send Webhook Notification" automations that POST before commit (odoo.md §1, §3.1, §4). Tests seed data and
/// make changes in-process through the methods below; the code under test only sees JSON-RPC and webhooks.
/// </summary>
public sealed partial class OdooEmulator : IAsyncDisposable
{
    /// <summary>The company every seed belongs to unless told otherwise.</summary>
    public const long DefaultCompanyId = 1;

    private readonly WebApplication _app;
    private readonly TransactionRunner _runner;
    private readonly WebhookSender _webhooks;
    private readonly ConcurrentQueue<OdooRecordedCall> _calls;
    private readonly UserDirectory _users;

    private OdooEmulator(WebApplication app, OdooEmulatorOptions options, OdooStore store, TransactionRunner runner,
        WebhookSender webhooks, ConcurrentDictionary<string, OdooWebhookTarget> targets,
        ConcurrentQueue<OdooRecordedCall> calls, UserDirectory users, string baseUrl)
    {
        _users = users;
        _app = app;
        Options = options;
        Store = store;
        _runner = runner;
        _webhooks = webhooks;
        WebhookTargets = targets;
        _calls = calls;
        BaseUrl = baseUrl;
    }

    /// <summary>Server root with a trailing slash, e.g. <c>http://127.0.0.1:54321/</c> (clients post to <c>jsonrpc</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>The options in force; delays, timeouts and the RPC webhook mode may change while running.</summary>
    public OdooEmulatorOptions Options { get; }

    /// <summary>The database: models and committed records. Register extra models before they are called.</summary>
    public OdooStore Store { get; }

    /// <summary>Webhook automation per model (model name → target), standing for rules set up outside the emulator's
    /// records; they fire on every save, beside the <c>base.automation</c> rules created over JSON-RPC (see
    /// <see cref="AutomationRules"/>). Empty and no rules: no webhooks.</summary>
    public ConcurrentDictionary<string, OdooWebhookTarget> WebhookTargets { get; }

    /// <summary>Every webhook POST made or attempted, oldest first (a snapshot).</summary>
    public IReadOnlyList<OdooWebhookDelivery> WebhookDeliveries => _webhooks.Deliveries;

    /// <summary>Every JSON-RPC call answered, oldest first (a snapshot).</summary>
    public IReadOnlyList<OdooRecordedCall> Calls => _calls.ToArray();

    /// <summary>Forgets recorded calls, e.g. after a warm-up.</summary>
    public void ClearCalls() => _calls.Clear();

    /// <summary>Forgets recorded webhook deliveries.</summary>
    public void ClearWebhookDeliveries() => _webhooks.Clear();

    /// <summary>Starts an emulator with logging discarded.</summary>
    public static Task<OdooEmulator> StartAsync(OdooEmulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, loggerFactory: null, ct);

    /// <summary>Starts an emulator whose web host logs into <paramref name="loggerFactory"/> (null discards logs).</summary>
    public static async Task<OdooEmulator> StartAsync(OdooEmulatorOptions options, ILoggerFactory? loggerFactory,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var app = LoopbackHost.Build(typeof(OdooEmulator), options.Port, loggerFactory);
        var version = OdooServerVersion.Parse(options.ServerVersion);
        var store = new OdooStore();
        var models = ProductModels.All().Concat(SaleModels.All()).Concat(AutomationModels.All(version)).ToList();
        foreach (var model in models) store.Register(model);
        SaleMethods.Register(store, options);
        var targets = new ConcurrentDictionary<string, OdooWebhookTarget>(StringComparer.Ordinal);
        var webhooks = new WebhookSender(options, options.Clock);
        var runner = new TransactionRunner(store, options, webhooks, targets);
        var calls = new ConcurrentQueue<OdooRecordedCall>();
        var users = new UserDirectory(options.Users);
        var handler = new OdooRpcHandler(options, version, users.Snapshot, store, runner, calls.Enqueue,
            app.Lifetime.ApplicationStopping);
        app.Run(handler.HandleAsync);

        var address = await LoopbackHost.StartAsync(app, ct, webhooks.Dispose);

        var emulator = new OdooEmulator(app, options, store, runner, webhooks, targets, calls, users, address + "/");
        emulator.Seed(ProductModels.Company, [new Dictionary<string, object?> { ["name"] = "My Company" }]);
        AutomationModels.Describe(emulator, models);
        return emulator;
    }

    // ---- Seeding: straight into the store, one timestamp, no transaction and no webhooks (fast). ----

    /// <summary>Adds a warehouse; its id.</summary>
    public long AddWarehouse(string code, string name, long companyId = DefaultCompanyId) =>
        Seed(ProductModels.Warehouse, [new Dictionary<string, object?> { ["code"] = code, ["name"] = name, ["company_id"] = companyId }])[0];

    /// <summary>Adds a template with one variant per code. With <paramref name="priceExtras"/> (aligned with the codes)
    /// each variant gets its own attribute value (product.template.attribute.value named after the code) carrying
    /// that extra; without, variants have none until <see cref="SetPriceExtraAsync"/> gives them one.</summary>
    public OdooSeededProduct AddProduct(string name, decimal listPrice, IReadOnlyList<string> variantCodes,
        IReadOnlyList<decimal>? priceExtras = null, long? companyId = DefaultCompanyId)
    {
        ArgumentNullException.ThrowIfNull(variantCodes);
        if (priceExtras is not null && priceExtras.Count != variantCodes.Count)
            throw new ArgumentException("priceExtras must have one extra per variant code.", nameof(priceExtras));
        var templateId = Seed(ProductModels.Template,
            [new Dictionary<string, object?> { ["name"] = name, ["list_price"] = listPrice, ["company_id"] = companyId }])[0];
        var attributeValues = priceExtras is null ? null : Seed(ProductModels.AttributeValue, variantCodes.Select((code, i) =>
            new Dictionary<string, object?> { ["product_tmpl_id"] = templateId, ["name"] = code, ["price_extra"] = priceExtras[i] }).ToArray());
        var variants = Seed(ProductModels.Variant, variantCodes.Select((code, i) => new Dictionary<string, object?>
        {
            ["product_tmpl_id"] = templateId,
            ["default_code"] = code,
            ["company_id"] = companyId,
            ["product_template_attribute_value_ids"] = attributeValues is null ? Array.Empty<long>() : new[] { attributeValues[i] },
        }).ToArray());
        return new OdooSeededProduct(templateId, variants);
    }

    /// <summary>Adds an attribute value (product.template.attribute.value) of a template with a price extra, linked to
    /// the given variants (e.g. "Color: Red" on every red variant), without moving their write_date; its id.</summary>
    public long AddAttributeValue(long templateId, string name, decimal priceExtra, IReadOnlyCollection<long> variantIds)
    {
        ArgumentNullException.ThrowIfNull(variantIds);
        var id = Seed(ProductModels.AttributeValue, [new Dictionary<string, object?>
        {
            ["product_tmpl_id"] = templateId, ["name"] = name, ["price_extra"] = priceExtra,
        }])[0];
        Store.Mutate(target =>
        {
            foreach (var variantId in variantIds)
            {
                var variant = target.Find(ProductModels.Variant, variantId)
                    ?? throw new ArgumentException($"No product.product {variantId}.", nameof(variantIds));
                target.Put(ProductModels.Variant, variant.With([new(AttributeValuesField, AttributeValueIds(variant).Append(id).ToArray())]));
            }
            return id;
        });
        return id;
    }

    /// <summary>The committed product_template_attribute_value_ids of a variant (empty if it has none or is unknown).</summary>
    public IReadOnlyList<long> AttributeValueIdsOf(long variantId) =>
        Find(ProductModels.Variant, variantId) is { } variant ? AttributeValueIds(variant) : [];

    /// <summary>
    /// Adds <paramref name="variants"/> one-variant templates ("Product n", code "SKU-n") and, when
    /// <paramref name="stockPerWarehouse"/> is set, a quant of that quantity in every existing warehouse.
    /// 100,000 variants take well under a couple of seconds.
    /// </summary>
    public OdooSeed SeedCatalog(int variants, decimal listPrice = 10m, decimal? stockPerWarehouse = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variants);
        var templates = Seed(ProductModels.Template, Enumerable.Range(1, variants).Select(i => new Dictionary<string, object?>
        {
            ["name"] = $"Product {i}", ["list_price"] = listPrice, ["company_id"] = DefaultCompanyId,
        }).ToArray());
        var products = Seed(ProductModels.Variant, templates.Select((t, i) => new Dictionary<string, object?>
        {
            ["product_tmpl_id"] = t, ["default_code"] = $"SKU-{i + 1}", ["company_id"] = DefaultCompanyId,
        }).ToArray());
        if (stockPerWarehouse is { } quantity)
        {
            var warehouses = Store.Read(s => s.All(ProductModels.Warehouse).Select(w => w.Id).ToArray());
            Seed(ProductModels.Quant, products.SelectMany(p => warehouses.Select(w => new Dictionary<string, object?>
            {
                ["product_id"] = p, ["warehouse_id"] = w, ["quantity"] = quantity,
            })).ToArray());
        }
        return new OdooSeed(templates, products);
    }

    /// <summary>Inserts records directly (defaults applied, create/write date = now); their ids in order.</summary>
    public IReadOnlyList<long> Seed(string model, IReadOnlyList<IReadOnlyDictionary<string, object?>> records)
    {
        var definition = Store.Model(model);
        var now = Options.Clock.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
        var defaults = definition.Fields.Values.Where(f => f.IsStored).ToArray();
        return Store.Mutate(target =>
        {
            var ids = new long[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                var row = new Dictionary<string, object?>(defaults.Length + 2);
                foreach (var field in defaults) row[field.Name] = field.Default;
                foreach (var (name, value) in records[i])
                {
                    var field = definition.Find(name) ?? throw new ArgumentException($"Invalid field '{name}' on model '{model}'.");
                    row[name] = FieldValues.ToStored(field, value);
                }
                row["create_date"] = now;
                row["write_date"] = now;
                ids[i] = Store.NextId(model);
                target.Put(model, new OdooRecord(ids[i], row));
            }
            return ids;
        });
    }

    // ---- Changes: each one Odoo transaction, with the webhooks of the given mode. ----

    /// <summary>Runs <paramref name="build"/> as one transaction as user <paramref name="uid"/>.</summary>
    public Task TransactAsync(Action<OdooTransaction> build, WebhookMode mode = WebhookMode.Normal, long uid = 2,
        CancellationToken ct = default) =>
        _runner.RunAsync(uid, build, mode, ct);

    /// <summary>Writes <paramref name="values"/> on records of a model in one transaction.</summary>
    public Task WriteAsync(string model, IReadOnlyCollection<long> ids, IReadOnlyDictionary<string, object?> values,
        WebhookMode mode = WebhookMode.Normal, CancellationToken ct = default) =>
        TransactAsync(tx => tx.Write(model, ids, values), mode, ct: ct);

    /// <summary>Sets a template's sales price (bumps its variants' write_date, changes their lst_price).</summary>
    public Task SetListPriceAsync(long templateId, decimal listPrice, WebhookMode mode = WebhookMode.Normal,
        CancellationToken ct = default) =>
        WriteAsync(ProductModels.Template, [templateId], new Dictionary<string, object?> { ["list_price"] = listPrice }, mode, ct);

    /// <summary>
    /// Sets a variant's price extra the way Odoo stores it: writes price_extra on the variant's first attribute value
    /// (product.template.attribute.value; one is attached, as if it had always been there, when the variant has none).
    /// The attribute value's write_date moves and its webhook fires; the variant's and template's do not, yet their
    /// lst_price changes (odoo.md §2.1). With one attribute value per variant (<see cref="AddProduct"/> with extras,
    /// or lazily here) the variant's extra becomes <paramref name="priceExtra"/>.
    /// </summary>
    public Task SetPriceExtraAsync(long variantId, decimal priceExtra, WebhookMode mode = WebhookMode.Normal,
        CancellationToken ct = default)
    {
        try
        {
            return SetAttributeExtraAsync(EnsureAttributeValue(variantId), priceExtra, mode, ct);
        }
        catch (InvalidOperationException ex)
        {
            return Task.FromException(ex);
        }
    }

    /// <summary>Writes an attribute value's price_extra in one transaction: the lst_price of every variant linked to it
    /// changes; only the attribute value's write_date moves.</summary>
    public Task SetAttributeExtraAsync(long attributeValueId, decimal priceExtra, WebhookMode mode = WebhookMode.Normal,
        CancellationToken ct = default) =>
        WriteAsync(ProductModels.AttributeValue, [attributeValueId], new Dictionary<string, object?> { ["price_extra"] = priceExtra }, mode, ct);

    /// <summary>Archives or restores a record (template, variant, warehouse).</summary>
    public Task SetActiveAsync(string model, long id, bool active, WebhookMode mode = WebhookMode.Normal,
        CancellationToken ct = default) =>
        WriteAsync(model, [id], new Dictionary<string, object?> { ["active"] = active }, mode, ct);

    /// <summary>Sets the variant's quant in a warehouse (created if absent), as an inventory adjustment would.</summary>
    /// <returns>The quant's id.</returns>
    public async Task<long> SetStockAsync(long variantId, long warehouseId, decimal quantity, decimal reserved = 0m,
        WebhookMode mode = WebhookMode.Normal, CancellationToken ct = default)
    {
        var quantId = 0L;
        await TransactAsync(tx =>
        {
            var values = new Dictionary<string, object?> { ["quantity"] = quantity, ["reserved_quantity"] = reserved };
            if (FindQuant(variantId, warehouseId) is { } existing)
            {
                quantId = existing.Id;
                tx.Write(ProductModels.Quant, [quantId], values);
            }
            else
            {
                values["product_id"] = variantId;
                values["warehouse_id"] = warehouseId;
                quantId = tx.Create(ProductModels.Quant, values);
            }
        }, mode, ct: ct);
        return quantId;
    }

    /// <summary>Reserves <paramref name="quantity"/> more of the variant in a warehouse (an order confirmed): the quant's
    /// reserved_quantity grows, free_qty drops, the product itself is not written.</summary>
    public Task ReserveAsync(long variantId, long warehouseId, decimal quantity, WebhookMode mode = WebhookMode.Normal,
        CancellationToken ct = default) =>
        TransactAsync(tx =>
        {
            var quant = FindQuant(variantId, warehouseId)
                ?? throw new InvalidOperationException($"No quant of product {variantId} in warehouse {warehouseId} to reserve from.");
            var reserved = ((decimal?)quant["reserved_quantity"] ?? 0m) + quantity;
            tx.Write(ProductModels.Quant, [quant.Id], new Dictionary<string, object?> { ["reserved_quantity"] = reserved });
        }, mode, ct: ct);

    /// <summary>Adds a user or replaces the one with the same uid: a rotated or revoked API key, a deactivated user.
    /// Takes effect on the next call, as Odoo re-checks the key on every call.</summary>
    public void SetUser(OdooUser user) => _users.Set(user);

    /// <summary>Every committed record of a model (archived included), in id order.</summary>
    public IReadOnlyList<OdooRecord> Records(string model) => Store.Read(s => s.All(model).OrderBy(r => r.Id).ToArray());

    /// <summary>The committed record, or null.</summary>
    public OdooRecord? Find(string model, long id) => Store.Read(s => s.Find(model, id));

    /// <summary>Stops listening; webhook client released.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _webhooks.Dispose();
    }

    private const string AttributeValuesField = "product_template_attribute_value_ids";

    private static long[] AttributeValueIds(OdooRecord variant) => variant[AttributeValuesField] as long[] ?? [];

    // The variant's first attribute value; one with no extra is attached when it has none, dated like the variant
    // and without touching it (standing for a value it always had).
    private long EnsureAttributeValue(long variantId) => Store.Mutate(target =>
    {
        var variant = target.Find(ProductModels.Variant, variantId)
            ?? throw new InvalidOperationException($"No product.product {variantId} to set a price extra on.");
        if (AttributeValueIds(variant) is { Length: > 0 } existing) return existing.Min();
        var id = Store.NextId(ProductModels.AttributeValue);
        target.Put(ProductModels.AttributeValue, new OdooRecord(id, new Dictionary<string, object?>
        {
            ["product_tmpl_id"] = variant["product_tmpl_id"],
            ["product_attribute_value_id"] = null,
            ["name"] = variant["default_code"] as string ?? $"Variant {variantId}",
            ["price_extra"] = 0m,
            ["create_date"] = variant["create_date"],
            ["write_date"] = variant["create_date"],
        }));
        target.Put(ProductModels.Variant, variant.With([new(AttributeValuesField, new[] { id })]));
        return id;
    });

    private OdooRecord? FindQuant(long variantId, long warehouseId) =>
        Store.Read(s => s.Referencing(ProductModels.Quant, "product_id", variantId)
            .Where(q => q["warehouse_id"] is long w && w == warehouseId).MinBy(q => q.Id));
}
