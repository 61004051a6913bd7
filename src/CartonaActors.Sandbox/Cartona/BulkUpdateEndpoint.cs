using System.Text.Json;

namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// <c>POST supplier-product/bulk-update</c>: validates each row on its own, applies the valid ones and refuses
/// the rest, answering with the proposal's per-item report (or nothing, in silent mode).
/// </summary>
internal sealed class BulkUpdateEndpoint(CartonaEmulatorOptions options, CartonaCatalog catalog, TimeProvider clock)
{
    public EndpointResult Handle(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return EndpointResult.Error(400, "request body must be a JSON array of supplier products");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return EndpointResult.Error(400, "request body must be a JSON array of supplier products");
            var count = document.RootElement.GetArrayLength();
            if (count > options.MaxBatchSize)
                return EndpointResult.Error(413, $"at most {options.MaxBatchSize} items per bulk update, got {count}");

            var rows = document.RootElement.EnumerateArray().Select(BulkRow.Read).ToList();
            var (failures, applied) = catalog.Mutate(m => Apply(rows, m));
            var json = options.SilentBulkResponses ? "{}" : Report(applied.Count, failures);
            return new EndpointResult(200, json) { Applied = applied };
        }
    }

    /// <summary>How many rows a bulk body holds, for the call log; null when it is not a JSON array.</summary>
    public static int? CountItems(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private (List<Failure>, List<AppliedItem>) Apply(List<BulkRow> rows, CartonaCatalog.Mutation catalogNow)
    {
        var failures = new List<Failure>();
        var applied = new List<AppliedItem>();
        var now = clock.GetUtcNow();
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var (product, error) = row.Errors.Count > 0 ? (null, null) : Resolve(row, catalogNow);
            var errors = row.Errors.Count > 0 ? row.Errors : error is null ? [] : [error];
            if (product is null || errors.Count > 0)
            {
                failures.Add(new Failure(index, row.InternalProductId ?? product?.InternalProductId, errors));
                continue;
            }

            var updated = product with
            {
                InternalProductId = row.InternalProductId ?? product.InternalProductId,
                SellingPrice = row.SellingPrice ?? product.SellingPrice,
                AvailableStockQuantity = row.AvailableStockQuantity ?? product.AvailableStockQuantity,
                IsUnlimitedStock = row.IsUnlimitedStock ?? product.IsUnlimitedStock,
                IsPublished = row.IsPublished ?? product.IsPublished,
            };
            catalogNow.Replace(product, updated);
            applied.Add(new AppliedItem(updated.SupplierProductId, updated.InternalProductId, updated.SellingPrice,
                updated.AvailableStockQuantity, updated.IsUnlimitedStock, now));
        }
        return (failures, applied);
    }

    // supplier_product_id wins over internal_product_id; sending both re-links the internal id, which is how
    // Cartona's own linking script attaches ERP ids to existing products.
    private (CartonaProduct?, string?) Resolve(BulkRow row, CartonaCatalog.Mutation catalogNow)
    {
        if (row.SupplierProductId is { } supplierId)
        {
            var product = catalogNow.ById(supplierId);
            if (product is null) return (null, "product not found");
            if (row.InternalProductId is { } wanted && wanted != product.InternalProductId
                && catalogNow.ByInternalId(wanted) is { } owner)
                return (product, $"internal_product_id is already used by supplier product {owner.SupplierProductId}");
            return (product, null);
        }

        var byInternal = catalogNow.ByInternalId(row.InternalProductId!);
        if (byInternal is not null) return (byInternal, null);
        return options.AutoCreateUnknownProducts
            ? (catalogNow.Create(row.InternalProductId!), null)
            : (null, "product not found");
    }

    private static string Report(int updated, List<Failure> failures) =>
        JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("updated", updated);
            w.WriteStartArray("failed");
            foreach (var failure in failures)
            {
                w.WriteStartObject();
                w.WriteNumber("index", failure.Index);
                if (failure.InternalProductId is null) w.WriteNull("internal_product_id");
                else w.WriteString("internal_product_id", failure.InternalProductId);
                w.WriteStartArray("errors");
                foreach (var error in failure.Errors) w.WriteStringValue(error);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private sealed record Failure(int Index, string? InternalProductId, IReadOnlyList<string> Errors);
}
