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

    /// <summary><c>POST .../deliver</c>: <c>{"otp": "..."}</c>.</summary>
    public const long DeliveryCode = 4 * 1024;

    /// <summary>Endpoints that read no body: room for a client that always sends <c>{}</c> or a little JSON.</summary>
    public const long NoBody = 1024;

    /// <summary>Refuses (413) a body declared larger than <paramref name="bytes"/> before the endpoint runs, and
    /// caps what the server reads of one sent without a length (chunked).</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max) max.MaxRequestBodySize = bytes;
            return http.Request.ContentLength is { } length && length > bytes
                ? Refusals.Refuse(http, StatusCodes.Status413PayloadTooLarge, null, TooLarge(http.Request, bytes, length))
                : await next(context);
        });

    /// <summary>The limit of the endpoint handling <paramref name="http"/>.</summary>
    public static long Of(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes
        ?? throw new InvalidOperationException($"{http.Request.Method} {http.Request.Path} reads a body but declares no limit (WithBodyLimit)");

    public static string TooLarge(HttpRequest request, long limit, long? length) =>
        $"{request.Method} {request.Path}: the body is {(length is { } n ? $"{n} bytes" : "larger than allowed")}, over this endpoint's limit of {limit} bytes";
}
