using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;

namespace CartonaActors.Marketplaces.Rest;

/// <summary>Request bodies of the generic contract, and the Idempotency-Key each write carries.</summary>
internal static class RestPayloads
{
    /// <summary>One row per item with a price; <see cref="PriceRow.Item"/> is the item's index in the batch.</summary>
    public sealed record PriceRow(int Item);

    /// <summary>One row per item and location with a quantity.</summary>
    public sealed record StockRow(int Item);

    public static (string Body, IReadOnlyList<PriceRow> Rows) Prices(IReadOnlyList<PushItem> items, string? currency)
    {
        var rows = new List<PriceRow>();
        var body = Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Values.Price is not { } price) continue;
                rows.Add(new PriceRow(i));
                w.WriteStartObject();
                w.WriteString("external_id", items[i].Ref.Value);
                w.WriteString("price", price.ToString("0.00##", CultureInfo.InvariantCulture));
                if (!string.IsNullOrEmpty(currency)) w.WriteString("currency", currency);
                w.WriteNumber("version", items[i].Version);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        return (body, rows);
    }

    /// <remarks>Per location where the connection sells per location, else one row for the default location.
    /// Unlimited stock is shown as <paramref name="unlimitedQuantity"/>: the contract has no unlimited flag.</remarks>
    public static (string Body, IReadOnlyList<StockRow> Rows) Inventory(IReadOnlyList<PushItem> items, int unlimitedQuantity)
    {
        var rows = new List<StockRow>();
        var body = Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            for (var i = 0; i < items.Count; i++)
            {
                var v = items[i].Values;
                var unlimited = v.UnlimitedStock == true;
                if (!unlimited && v.Quantity is null) continue;
                if (!unlimited && v.ByLocation is { Count: > 0 } byLocation)
                {
                    foreach (var (location, qty) in byLocation) Row(w, rows, i, items[i], location, qty);
                }
                else
                {
                    Row(w, rows, i, items[i], null, unlimited ? unlimitedQuantity : v.Quantity!.Value);
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        return (body, rows);
    }

    private static void Row(Utf8JsonWriter w, List<StockRow> rows, int index, PushItem item, string? location, int available)
    {
        rows.Add(new StockRow(index));
        w.WriteStartObject();
        w.WriteString("external_id", item.Ref.Value);
        if (location is null) w.WriteNull("location_id");
        else w.WriteString("location_id", location);
        w.WriteNumber("available", Math.Max(0, available));
        w.WriteNumber("version", item.Version);
        w.WriteEndObject();
    }

    public static string Status(OrderStatusUpdate update) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("status", update.Status);
        if (update.Reason is null) w.WriteNull("reason");
        else w.WriteString("reason", update.Reason);
        w.WriteNull("tracking");
        w.WriteEndObject();
    });

    /// <summary>The same write always carries the same key, so a retry after a lost answer is replayed by the
    /// marketplace instead of applied twice; a different write never shares one.</summary>
    public static string IdempotencyKey(string path, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path + "\n" + body)))[..40];

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
