using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Hosting;
using CartonaActors.Domain.Products;
using CartonaActors.Engine;
using CartonaActors.Engine.Configuration;

namespace CartonaActors.Service.Api;

public static class ProductEndpoints
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    internal static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static void MapProductEndpoints(this WebApplication app)
    {
        app.MapPut("/api/products/{id}", UpdateAsync);
        app.MapGet("/api/products/{id}", GetAsync);
    }

    /// <summary>ERP ingress: set price, per-warehouse free quantity, unlimited flag and listings. 200 once persisted.</summary>
    private static async Task<IResult> UpdateAsync(string id, HttpRequest request, CartonaActorsOptions options,
        IRequiredActor<ProductRegion> products, NodeSyncLog syncLog, ILogger<ProductChangeRequest> log)
    {
        IResult Refuse(string reason)
        {
            log.LogWarning("Refused change to product {ProductId}: {Reason}", id, reason);
            syncLog.Refused(id, reason);
            return Results.BadRequest(new { error = reason });
        }

        if (ProductValidation.ValidateProductId(id) is { } idError) return Refuse(idError);
        ProductChangeRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ProductChangeRequest>(request.Body, RequestJson, request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Refuse($"malformed JSON body: {ex.Message}");
        }
        if (body is null) return Refuse("the body must be a JSON object");
        var (command, mappingError) = body.ToCommand(id);
        if (command is null) return Refuse(mappingError!);
        var known = options.Connections.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (ProductValidation.Validate(command, known.Contains) is { } validationError) return Refuse(validationError);

        try
        {
            var result = await products.ActorRef.Ask<ProductUpdateResult>(command, AskTimeout, request.HttpContext.RequestAborted);
            return result.Accepted
                ? Results.Ok(new { productId = id, version = result.Version, changes = result.EventsWritten })
                : Refuse(result.Error ?? "refused");
        }
        catch (AskTimeoutException)
        {
            log.LogError("Product {ProductId} did not answer within {Timeout}", id, AskTimeout);
            return Results.Problem($"product {id} did not answer within {AskTimeout.TotalSeconds} s; the change may not be recorded and is safe to send again",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<IResult> GetAsync(string id, IRequiredActor<ProductRegion> products, CancellationToken ct)
    {
        if (ProductValidation.ValidateProductId(id) is { } idError) return Results.BadRequest(new { error = idError });
        var state = await products.ActorRef.Ask<ProductState>(new GetProduct(id), AskTimeout, ct);
        return state.Version == 0 ? Results.NotFound(new { error = $"product {id} is not known" }) : Results.Ok(state);
    }
}
