using System.Text.Json;

namespace CartonaActors.Service.Api;

/// <summary>A request body read as JSON, or why not with the status to answer (400 malformed, 413 too large).</summary>
public sealed record JsonBody<T>(T? Value, int Status, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// Reads a request body as JSON within the endpoint's <see cref="BodyLimit"/>, whatever the content type says
/// (Odoo and curl do not always say JSON), and turns every failure into a plain message.
/// </summary>
public static class RequestBodies
{
    public static async Task<JsonBody<T>> ReadJsonAsync<T>(HttpRequest request, JsonSerializerOptions options)
    {
        var limit = BodyLimits.Of(request.HttpContext);
        var bytes = await ReadBoundedAsync(request, limit);
        if (bytes is null)
            return new JsonBody<T>(default, StatusCodes.Status413PayloadTooLarge, BodyLimits.TooLarge(request, limit, request.ContentLength));
        try
        {
            return new JsonBody<T>(JsonSerializer.Deserialize<T>(bytes, options), StatusCodes.Status200OK, null);
        }
        catch (JsonException ex)
        {
            return new JsonBody<T>(default, StatusCodes.Status400BadRequest, JsonErrorText.Describe(ex, typeof(T), options));
        }
    }

    /// <summary>The body, or null past <paramref name="limit"/> bytes (and the connection is then closed after the
    /// answer, see <see cref="BodyLimits.CloseAfterAnswer"/>): one sent without a length can only be measured by
    /// reading it.</summary>
    public static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit) return TooLarge();
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(); // Kestrel's own cap (set by WithBodyLimit) struck first
        }
        return buffer.ToArray();

        byte[]? TooLarge()
        {
            BodyLimits.CloseAfterAnswer(request.HttpContext);
            return null;
        }
    }
}
