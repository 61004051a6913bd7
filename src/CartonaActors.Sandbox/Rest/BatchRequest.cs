using System.Text.Json;

namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// The envelope both batch endpoints share, <c>{"items":[...]}</c>: what is wrong with the envelope refuses
/// the whole request (400, 413); what is wrong with an item is left to that item's result.
/// </summary>
internal static class BatchRequest
{
    /// <summary>Null and the items read, or the refusal to answer with.</summary>
    public static RestResult? TryRead<T>(string body, int maxBatchSize, Func<JsonElement, T> readItem, out List<T> items)
    {
        items = [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return RestResult.InvalidRequest($"body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return RestResult.InvalidRequest("body must be a JSON object with an items array");
            if (!root.TryGetProperty("items", out var array) || array.ValueKind == JsonValueKind.Null)
                return RestResult.InvalidRequest("items is required");
            if (array.ValueKind != JsonValueKind.Array) return RestResult.InvalidRequest("items must be an array");
            var count = array.GetArrayLength();
            if (count > maxBatchSize)
                return RestResult.Error(413, "batch_too_large", w => w.WriteNumber("max", maxBatchSize));
            items = new List<T>(count);
            foreach (var item in array.EnumerateArray()) items.Add(readItem(item));
            return null;
        }
    }

    /// <summary>How many items a batch body holds, for the call log; null when it has no items array.</summary>
    public static int? CountItems(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
                    ? items.GetArrayLength()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
