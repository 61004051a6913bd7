using System.Text.Json.Nodes;
using System.Xml.Linq;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Marketplaces.Amazon;

/// <summary>Reads the processing reports of the two feeds this connection submits.</summary>
internal static class AmazonReports
{
    /// <summary>A listings feed's report (listings-feed-processing-report-schema-v2): every ERROR issue of message
    /// <c>i + 1</c> refuses item <c>i</c>; an ERROR that names no message is reported unattributed. Null when the
    /// report cannot be read.</summary>
    public static (IReadOnlyList<ItemRejection> Rejected, IReadOnlyList<string> Unattributed)? Listings(string report, int items)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(report);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (json is not JsonObject root) return null;
        var byItem = new SortedDictionary<int, List<string>>();
        var unattributed = new List<string>();
        foreach (var issue in (root["issues"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (!string.Equals(issue["severity"]?.ToString(), "ERROR", StringComparison.OrdinalIgnoreCase)) continue;
            var text = $"{issue["code"]}: {issue["message"]}";
            if (issue["messageId"] is JsonValue m && m.TryGetValue<int>(out var messageId) && messageId >= 1 && messageId <= items)
            {
                if (!byItem.TryGetValue(messageId - 1, out var reasons)) byItem[messageId - 1] = reasons = [];
                if (!reasons.Contains(text)) reasons.Add(text);
            }
            else unattributed.Add(text);
        }
        return (byItem.Select(kv => new ItemRejection(kv.Key, string.Join("; ", kv.Value))).ToList(), unattributed);
    }

    /// <summary>The error results of an XML feed's processing report (order acknowledgements); null when unreadable.</summary>
    public static IReadOnlyList<string>? XmlErrors(string report)
    {
        try
        {
            return XDocument.Parse(report).Descendants().Where(e => e.Name.LocalName == "Result")
                .Where(r => r.Elements().FirstOrDefault(e => e.Name.LocalName == "ResultCode")?.Value == "Error")
                .Select(r => string.Join(": ", r.Elements().Where(e => e.Name.LocalName is "ResultMessageCode" or "ResultDescription").Select(e => e.Value)))
                .ToList();
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary>The order acknowledgement feed that cancels a whole order: status Failure, each item with the reason.</summary>
    public static string CancelOrder(string sellerId, string orderId, IEnumerable<string> orderItemIds, string reason)
    {
        var envelope = new XElement("AmazonEnvelope",
            new XElement("Header", new XElement("DocumentVersion", "1.01"), new XElement("MerchantIdentifier", sellerId)),
            new XElement("MessageType", "OrderAcknowledgement"),
            new XElement("Message", new XElement("MessageID", 1),
                new XElement("OrderAcknowledgement", new XElement("AmazonOrderID", orderId), new XElement("StatusCode", "Failure"),
                    orderItemIds.Select(item => new XElement("Item", new XElement("AmazonOrderItemCode", item), new XElement("CancelReason", reason))))));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + envelope.ToString(SaveOptions.DisableFormatting);
    }
}
