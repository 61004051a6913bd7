using System.Net.Http.Headers;
using System.Text;
using CartonaActors.Tests.Fuzz;
using CsCheck;

namespace CartonaActors.Service.Tests.Fuzz;

/// <summary>One request as a careless or hostile sender makes it: any bytes, any content type, its length
/// declared or not (chunked).</summary>
public sealed record HostileRequest(string Path, byte[] Body, string? ContentType, bool Chunked)
{
    public HttpContent Content()
    {
        if (Chunked) return new ChunkedContent(Body, ContentType);
        var content = new ByteArrayContent(Body);
        if (ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return content;
    }

    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Body);
        return $"{Path} [{ContentType}]{(Chunked ? " chunked" : "")} {Body.Length} bytes: {(text.Length > 600 ? text[..600] + "…" : text)}";
    }
}

public static class HostileRequests
{
    /// <summary>The text in UTF-8 mostly; now and then bytes that are not UTF-8, nothing, or a little over the limit.</summary>
    private static Gen<byte[]> Bytes(Gen<string> text, long limit) => Gen.Frequency(
        (14, text.Select(Encoding.UTF8.GetBytes)),
        (1, Gen.Byte.Array[1, 2000]),
        (1, Gen.Const(Array.Empty<byte>())),
        (1, Gen.Int[1, 16 * 1024].Select(extra => Encoding.UTF8.GetBytes("{\"otp\":\"" + new string('x', (int)limit + extra) + "\"}"))));

    public static Gen<HostileRequest> To(Gen<string> path, Gen<string> body, long limit) =>
        Gen.Select(path, Bytes(body, limit), HostileJson.ContentType, Gen.Int[0, 3], (p, b, type, c) => new HostileRequest(p, b, type, c == 0));

    /// <summary>Product ids as they come in a path: ordinary, unicode, controls, slashes, far too long. Each is
    /// percent-encoded byte by byte into one segment (a lone surrogate as UTF-8's replacement character). Left out:
    /// "." and "..", dot segments that address another path, not an id; and NUL, which Kestrel refuses in a path
    /// itself (400, no body) before any of the service runs.</summary>
    public static readonly Gen<string> ProductIdSegment = Gen.Frequency(
            (3, Gen.Int[0, 20].Select(i => "fuzz-" + i)),
            (2, HostileJson.Text))
        .Where(id => id is not ("" or "." or "..") && !id.Contains('\0'))
        .Select(Segment);

    private static string Segment(string text)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
            sb.Append(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_'
                ? ((char)b).ToString() : $"%{b:X2}");
        return sb.ToString();
    }
}
