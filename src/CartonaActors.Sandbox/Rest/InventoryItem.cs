using System.Text.Json;

namespace CartonaActors.Sandbox.Rest;

/// <summary>One item of <c>POST v1/inventory:batch</c>: <c>{"external_id","location_id","available","version"}</c>.</summary>
internal sealed record InventoryItem(string? ExternalId, string? LocationId, int Available, long Version, IReadOnlyList<string> Problems)
    : BatchItem(ExternalId, Version, Problems)
{
    public static InventoryItem Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) return new InventoryItem(null, null, 0, 0, ItemFields.NotAnObject());
        var problems = new List<string>();
        var externalId = ItemFields.ExternalId(item, problems);
        var locationId = ItemFields.LocationId(item, problems);
        var available = ItemFields.Available(item, problems);
        var version = ItemFields.Version(item, problems);
        return new InventoryItem(externalId, locationId, available, version, problems);
    }
}
