using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CartonaActors.Sandbox.Amazon.Feeds;

/// <summary>
/// Feed documents (uploaded inputs and processing reports) and their presigned URLs. Like S3 presigned URLs they need no
/// access token but carry a signature and expire after 5 minutes (the models' createFeedDocument/getFeedDocument say so),
/// checked by the options' clock.
/// </summary>
internal sealed class DocumentStore(AmazonEmulatorOptions options)
{
    public const string PathPrefix = "s3/feed-documents/";
    private static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(5);
    private readonly object _gate = new();
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<string, Document> _documents = new(StringComparer.Ordinal);

    public string Create(string contentType, bool isInput, string? content = null)
    {
        var id = "amzn1.tortuga.4.na." + Guid.NewGuid();
        lock (_gate) _documents[id] = new Document(contentType, isInput) { Content = content };
        return id;
    }

    public bool Exists(string id)
    {
        lock (_gate) return _documents.ContainsKey(id);
    }

    /// <summary>The uploaded content; null when the document is unknown or was never uploaded.</summary>
    public string? Content(string id)
    {
        lock (_gate) return _documents.TryGetValue(id, out var d) ? d.Content : null;
    }

    public string Url(string baseUrl, string id)
    {
        var date = options.Clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return $"{baseUrl}{PathPrefix}{Uri.EscapeDataString(id)}?X-Amz-Date={date}&X-Amz-Expires=300&X-Amz-Signature={Sign(id, date)}";
    }

    /// <summary>PUT (input documents) or GET (any document) on a presigned URL: status, body, content type.</summary>
    public (int Status, string Body, string ContentType) Serve(string method, string id, string? date, string? signature, string body)
    {
        const string xml = "application/xml";
        if (date is null || signature is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(id, date)), Encoding.ASCII.GetBytes(signature)))
            return (403, S3Error("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided."), xml);
        if (!DateTimeOffset.TryParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || options.Clock.GetUtcNow() > signedAt + UrlLifetime)
            return (403, S3Error("AccessDenied", "Request has expired"), xml);
        lock (_gate)
        {
            if (!_documents.TryGetValue(id, out var document)) return (404, S3Error("NoSuchKey", "The specified key does not exist."), xml);
            if (method == "PUT")
            {
                if (!document.IsInput) return (403, S3Error("AccessDenied", "Access Denied"), xml);
                document.Content = body;
                return (200, "", "text/plain");
            }
            return document.Content is null
                ? (404, S3Error("NoSuchKey", "The specified key does not exist."), xml)
                : (200, document.Content, document.ContentType);
        }
    }

    private string Sign(string id, string date) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id + "\n" + date)));

    private static string S3Error(string code, string message) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>";

    private sealed class Document(string contentType, bool isInput)
    {
        public string ContentType { get; } = contentType;
        public bool IsInput { get; } = isInput;
        public string? Content { get; set; }
    }
}
