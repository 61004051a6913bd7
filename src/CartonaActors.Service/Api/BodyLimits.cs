using Microsoft.AspNetCore.Http.Features;

namespace CartonaActors.Service.Api;

/// <summary>The most bytes an endpoint reads from a request body (endpoint metadata, see <see cref="BodyLimits"/>).</summary>
public sealed record BodyLimit(long Bytes);

/// <summary>
/// Request body limits per endpoint, far below Kestrel's 30 MB default: a body is held in memory while it is read,
/// and what is refused is kept in the sync log, so neither may grow with what a caller chooses to send.
/// </summary>
public static class BodyLimits
{
    /// <summary><c>PUT /api/products/{id}</c>: the largest valid change, 1,000 warehouses with 64-character names
    /// and quantities of 15 digits plus listings, is about 100 kB.</summary>
    public const long ProductChange = 256 * 1024;

    /// <summary><c>POST /webhooks/odoo</c>: Odoo sends the record id and the fields its action names, a few kB.</summary>
    public const long OdooWebhook = 64 * 1024;

    /// <summary><c>POST /webhooks/marketplaces/{connection}</c>: a Shopify order payload with its lines, which for
    /// a large B2B order runs to a few hundred kB.</summary>
    public const long MarketplaceWebhook = 1024 * 1024;

    /// <summary><c>POST .../deliver</c>: <c>{"otp": "..."}</c>.</summary>
    public const long DeliveryCode = 4 * 1024;

    /// <summary>A body declared over its endpoint's limit but at most this long is read and dropped before the 413 goes.</summary>
    public const long DrainUpTo = 4 * 1024 * 1024;

    /// <summary>Endpoints that read no body: room for a client that always sends <c>{}</c> or a little JSON.</summary>
    public const long NoBody = 1024;

    /// <summary>Refuses (413) a body declared larger than <paramref name="bytes"/> before the endpoint runs, and
    /// caps what the server reads of one sent without a length (chunked).</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max) max.MaxRequestBodySize = bytes;
            if (http.Request.ContentLength is { } length && length > bytes)
            {
                // A sender still writing a body of a few MB when the answer comes sees a broken pipe, not the 413:
                // such a body is read to the end and dropped. A larger one is not worth the bandwidth.
                if (length <= DrainUpTo)
                {
                    if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } drain) drain.MaxRequestBodySize = length;
                    await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
                }
                CloseAfterAnswer(http);
                return Refusals.Refuse(http, StatusCodes.Status413PayloadTooLarge, null, TooLarge(http.Request, bytes, length));
            }
            return await next(context);
        });

    /// <summary>For an endpoint that reads no body: <see cref="NoBody"/>, and a body sent without a length is measured
    /// before the endpoint runs. Left unread, Kestrel would drain it after the answer and, finding more than the
    /// limit, drop the connection under a client that has already taken the answer and reuses it.</summary>
    public static TBuilder ReadsNoBody<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithBodyLimit(NoBody).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            return await RequestBodies.ReadBoundedAsync(http.Request, NoBody) is null
                ? Refusals.Refuse(http, StatusCodes.Status413PayloadTooLarge, null, TooLarge(http.Request, NoBody, null))
                : await next(context);
        });

    /// <summary>A body refused as too large is left partly unread: the connection cannot carry another request, and
    /// the client is told so instead of finding it closed under its next one.</summary>
    public static void CloseAfterAnswer(HttpContext http) => http.Response.Headers.Connection = "close";

    /// <summary>The limit of the endpoint handling <paramref name="http"/>.</summary>
    public static long Of(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes
        ?? throw new InvalidOperationException($"{http.Request.Method} {http.Request.Path} reads a body but declares no limit (WithBodyLimit)");

    public static string TooLarge(HttpRequest request, long limit, long? length) =>
        $"{request.Method} {request.Path}: the body is {(length is { } n ? $"{n} bytes" : "larger than allowed")}, over this endpoint's limit of {limit} bytes";
}
