using System.Text.Json;

namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// <c>POST v1/inventory:batch</c> and <c>POST v1/prices:batch</c>: every item is judged on its own and answered
/// in request order (207), so a client learns exactly which items to fix and which are done. Versions decide
/// between writes: an item older than what is held is answered ok but not applied, which is how the contract
/// keeps a late retry or a reordered batch from overwriting newer data.
/// </summary>
internal sealed class BatchEndpoint(
    RestMarketplaceEmulatorOptions options, RestCatalog catalog, RestFaults faults, RestEmulatorCounters counters, TimeProvider clock)
{
    public const string InventoryPath = "v1/inventory:batch";
    public const string PricesPath = "v1/prices:batch";

    public RestResult Inventory(string body) => Handle(body, InventoryItem.Read);

    public RestResult Prices(string body) => Handle(body, PriceItem.Read);

    private RestResult Handle<T>(string body, Func<JsonElement, T> read) where T : BatchItem
    {
        var refusal = BatchRequest.TryRead(body, options.MaxBatchSize, read, out var items);
        if (refusal is not null) return refusal;

        var rejections = faults.RejectionsNow();
        var autoCreate = options.AutoCreateUnknownProducts;
        var now = clock.GetUtcNow();
        var errors = new ItemError?[items.Count];
        var applied = new List<RestAppliedItem>();
        var stale = 0;
        catalog.Mutate(m =>
        {
            for (var index = 0; index < items.Count; index++)
            {
                var item = items[index];
                errors[index] = Judge(item, rejections, autoCreate, m, out var product);
                if (errors[index] is not null || product is null) continue;
                if (Apply(item, product, now) is { } done) applied.Add(done);
                else stale++;
            }
        });
        counters.Batch(applied.Count, stale);
        return new RestResult(207, Report(errors)) { Applied = applied };
    }

    // A scripted rejection wins over everything, so a test can make any item fail; then the item's own
    // problems; then whether the marketplace knows the product at all.
    private static ItemError? Judge(BatchItem item, IReadOnlyDictionary<string, RestItemRejection> rejections, bool autoCreate,
        RestCatalog.Mutation catalogNow, out RestCatalog.Product? product)
    {
        product = null;
        if (item.ExternalId is { } id && rejections.TryGetValue(id, out var rejection))
            return new ItemError(rejection.Code, rejection.Message);
        if (!item.IsValid) return new ItemError(ItemError.InvalidValue, string.Join("; ", item.Problems));
        product = catalogNow.Find(item.ExternalId!) ?? (autoCreate ? catalogNow.Create(item.ExternalId!) : null);
        return product is null
            ? new ItemError(ItemError.UnknownProduct, $"no product with external_id '{item.ExternalId}'")
            : null;
    }

    /// <summary>The applied item, or null when the item was stale and ignored.</summary>
    private static RestAppliedItem? Apply(BatchItem item, RestCatalog.Product product, DateTimeOffset now) => item switch
    {
        InventoryItem i => product.ApplyStock(i.LocationId, i.Available, i.Version)
            ? new RestAppliedItem(RestItemKind.Inventory, product.ExternalId, i.LocationId, i.Available, null, null, i.Version, now)
            : null,
        PriceItem p => product.ApplyPrice(p.Price, p.Currency, p.Version)
            ? new RestAppliedItem(RestItemKind.Price, product.ExternalId, null, null, p.Price, p.Currency, p.Version, now)
            : null,
        _ => throw new InvalidOperationException($"Unknown batch item {item.GetType().Name}."),
    };

    private static string Report(ItemError?[] errors) =>
        Cartona.JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("results");
            for (var index = 0; index < errors.Length; index++)
            {
                w.WriteStartObject();
                w.WriteNumber("index", index);
                if (errors[index] is { } error)
                {
                    w.WriteString("status", "error");
                    w.WriteStartObject("error");
                    w.WriteString("code", error.Code);
                    w.WriteString("message", error.Message);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteString("status", "ok");
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
}
