using System.Net;

namespace CartonaActors.Service.Tests;

/// <summary>A body sent without Content-Length (chunked), which only reading can measure.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _body;

    public ChunkedContent(byte[] body, string? contentType = "application/json")
    {
        _body = body;
        if (contentType is not null) Headers.TryAddWithoutValidation("Content-Type", contentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_body).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
