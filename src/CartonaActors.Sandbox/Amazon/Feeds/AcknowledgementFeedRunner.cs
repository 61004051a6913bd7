using System.Xml;
using System.Xml.Linq;
using CartonaActors.Sandbox.Amazon.State;

namespace CartonaActors.Sandbox.Amazon.Feeds;

/// <summary>
/// Runs a POST_ORDER_ACKNOWLEDGEMENT_DATA document (XML AmazonEnvelope of OrderAcknowledgement messages). StatusCode
/// Failure is the seller cancelling the order; Success changes nothing. Orders already shipped (even partly) or cancelled
/// cannot be cancelled: that message gets an Error result. The report is the XML ProcessingReport envelope.
/// </summary>
internal sealed class AcknowledgementFeedRunner(AmazonEmulatorOptions options, SellerState state)
{
    public FeedOutcome Run(string feedId, string? document, bool forcedFatal)
    {
        if (forcedFatal) return Fatal(feedId, "The feed was aborted because of an internal processing error (fault injected).");
        if (document is null) return Fatal(feedId, "The feed document was never uploaded.");
        XElement root;
        try
        {
            root = XDocument.Parse(document).Root!;
        }
        catch (XmlException e)
        {
            return Fatal(feedId, "The feed document is not well-formed XML: " + e.Message);
        }
        if (root.Name.LocalName != "AmazonEnvelope" || Child(root, "MessageType")?.Value != "OrderAcknowledgement")
            return Fatal(feedId, "Expected an AmazonEnvelope with MessageType OrderAcknowledgement.");

        var results = new List<XElement>();
        int processed = 0, failed = 0;
        lock (state.Gate)
        {
            foreach (var message in root.Elements().Where(e => e.Name.LocalName == "Message"))
            {
                processed++;
                var messageId = Child(message, "MessageID")?.Value ?? "0";
                var ack = Child(message, "OrderAcknowledgement");
                var orderId = ack is null ? null : Child(ack, "AmazonOrderID")?.Value;
                var error = Apply(ack, orderId);
                if (error is null) continue;
                failed++;
                results.Add(new XElement("Result", new XElement("MessageID", messageId), new XElement("ResultCode", "Error"),
                    new XElement("ResultMessageCode", error.Value.Code), new XElement("ResultDescription", error.Value.Message),
                    new XElement("AdditionalInfo", new XElement("AmazonOrderID", orderId ?? ""))));
            }
        }
        return new FeedOutcome(false, Report(feedId, processed, failed, results), "text/xml", processed, failed);
    }

    private (string Code, string Message)? Apply(XElement? ack, string? orderId)
    {
        if (ack is null || string.IsNullOrEmpty(orderId)) return ("5000", "OrderAcknowledgement with an AmazonOrderID is required.");
        if (!state.Orders.TryGetValue(orderId, out var order)) return ("18028", $"The order id {orderId} was not found.");
        var status = Child(ack, "StatusCode")?.Value;
        if (status == "Success") return null;
        if (status != "Failure") return ("5000", $"StatusCode must be Success or Failure, not '{status}'.");
        if (order.Status == "CANCELLED") return ("18029", $"The order {orderId} is already cancelled.");
        if (order.Items.Any(i => i.Shipped > 0)) return ("18030", $"The order {orderId} has shipped items and cannot be cancelled.");
        order.Status = "CANCELLED";
        order.CancelledBy = "MERCHANT";
        order.CancelReason = ack.Descendants().FirstOrDefault(e => e.Name.LocalName == "CancelReason")?.Value ?? "Cancelled by seller";
        order.Touch(state.Now());
        return null;
    }

    private FeedOutcome Fatal(string feedId, string reason) =>
        new(true, Report(feedId, 0, 0, [new XElement("Result", new XElement("MessageID", "0"), new XElement("ResultCode", "Error"),
            new XElement("ResultMessageCode", "5001"), new XElement("ResultDescription", reason))]), "text/xml", 0, 0);

    private string Report(string feedId, int processed, int failed, List<XElement> results)
    {
        var doc = new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement("AmazonEnvelope",
            new XElement("Header", new XElement("DocumentVersion", "1.02"), new XElement("MerchantIdentifier", options.SellerId)),
            new XElement("MessageType", "ProcessingReport"),
            new XElement("Message", new XElement("MessageID", "1"), new XElement("ProcessingReport",
                new XElement("DocumentTransactionID", feedId), new XElement("StatusCode", "Complete"),
                new XElement("ProcessingSummary", new XElement("MessagesProcessed", processed), new XElement("MessagesSuccessful", processed - failed),
                    new XElement("MessagesWithError", failed), new XElement("MessagesWithWarning", 0)),
                results))));
        return doc.Declaration + "\n" + doc.Root;
    }

    private static XElement? Child(XElement e, string name) => e.Elements().FirstOrDefault(c => c.Name.LocalName == name);
}
