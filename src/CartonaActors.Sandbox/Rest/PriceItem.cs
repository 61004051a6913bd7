using System.Text.Json;

namespace CartonaActors.Sandbox.Rest;

/// <summary>One item of <c>POST v1/prices:batch</c>: <c>{"external_id","price","currency"?,"version"}</c>.</summary>
internal sealed record PriceItem(string? ExternalId, decimal Price, string? Currency, long Version, IReadOnlyList<string> Problems)
    : BatchItem(ExternalId, Version, Problems)
{
    public static PriceItem Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) return new PriceItem(null, 0, null, 0, ItemFields.NotAnObject());
        var problems = new List<string>();
        var externalId = ItemFields.ExternalId(item, problems);
        var price = ItemFields.Price(item, problems);
        var currency = ItemFields.Currency(item, problems);
        var version = ItemFields.Version(item, problems);
        return new PriceItem(externalId, price, currency, version, problems);
    }
}
