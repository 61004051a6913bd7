using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Hosting;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Engine;
using CartonaActors.Engine.Configuration;

namespace CartonaActors.Service.Api;

public static class ProductEndpoints
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How the product ingress reads its body: web names, and an unknown field is an error.</summary>
    public static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static void MapProductEndpoints(this WebApplication app)
    {
        app.MapPut("/api/products/{id}", UpdateAsync).WithBodyLimit(BodyLimits.ProductChange);
        app.MapGet("/api/products/{id}", GetAsync);
        app.MapPost("/api/products/{id}/push", RepushAsync).ReadsNoBody();
    }

    /// <summary>ERP ingress: set price, per-warehouse free quantity, unlimited flag and listings. 200 once persisted.</summary>
    private static async Task<IResult> UpdateAsync(string id, HttpRequest request, OpenConnections connections,
        IRequiredActor<ProductRegion> products, InputRefusals refusals, ILogger<ProductChangeRequest> log)
    {
        IResult Refuse(string reason, int status = StatusCodes.Status400BadRequest)
        {
            log.LogWarning("Refused change to product {ProductId}: {Reason}", id, reason);
            refusals.Refused(id, reason);
            return Results.Json(new { error = reason }, statusCode: status);
        }

        if (ProductValidation.ValidateProductId(id) is { } idError) return Refuse(idError);
        var read = await RequestBodies.ReadJsonAsync<ProductChangeRequest>(request, RequestJson);
        if (!read.Ok) return Refuse(read.Error!, read.Status);
        if (read.Value is not { } body) return Refuse("the body must be a JSON object");
        var (command, mappingError) = body.ToCommand(id, name => connections.Find(name)?.Listings.Kind);
        if (command is null) return Refuse(mappingError!);
        // The product's accept span joins this request's trace, wherever the product lives.
        command = command with { TraceParent = SyncTracing.CurrentTraceParent() };
        if (ProductValidation.Validate(command, name => connections.Find(name) is not null) is { } validationError) return Refuse(validationError);
        foreach (var link in command.Listings ?? [])
            if (connections.Find(link.ConnectionId)!.ListingProblem(link.Ref) is { } listingError)
                return Refuse($"listings[{link.ConnectionId}]: {listingError}");

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

    /// <summary>Sends the product's current values again to each connection it is listed on (or only
    /// <c>?connection=</c>), even if they were confirmed or refused: an operator's "re-push".</summary>
    private static async Task<IResult> RepushAsync(string id, HttpRequest request, IRequiredActor<ProductRegion> products,
        IRequiredActor<PushSliceRegion> slices, OpenConnections connections, CartonaActorsOptions options, CancellationToken ct)
    {
        if (ProductValidation.ValidateProductId(id) is { } idError) return Refusals.Refuse(request.HttpContext, StatusCodes.Status400BadRequest, null, "re-push: " + idError);
        var only = request.Query["connection"].ToString();
        if (only.Length > 0 && connections.Find(only) is null) return Refusals.Refuse(request.HttpContext, StatusCodes.Status404NotFound, id, $"re-push: connection '{JsonErrorText.Short(only)}' is not configured");
        var state = await products.ActorRef.Ask<ProductState>(new GetProduct(id), AskTimeout, ct);
        if (state.Version == 0) return Refusals.Refuse(request.HttpContext, StatusCodes.Status404NotFound, id, $"product {id} is not known");
        var listed = state.Listings.Values.Where(l => connections.Find(l.ConnectionId) is not null && (only.Length == 0 || l.ConnectionId == only)).ToList();
        if (listed.Count == 0) return Refusals.Refuse(request.HttpContext, StatusCodes.Status404NotFound, id, $"product {id} is not listed on {(only.Length > 0 ? only : "any configured connection")}");
        var started = await Task.WhenAll(listed.Select(async l => (l.ConnectionId, (await slices.ActorRef.Ask<PushSliceResyncStarted>(
            new ResyncPushSlice(PushSliceIds.Of(l.ConnectionId, id, options.Sync.PushSlices), id), AskTimeout, ct)).Entries)));
        return Results.Accepted($"/api/products/{id}", new { productId = id, connections = started.Where(s => s.Entries > 0).Select(s => s.ConnectionId) });
    }

    /// <summary>The product's ERP values and, per listing, what its connection's rules make of them (desired) next
    /// to what its push slice last sent, confirmed or refused.</summary>
    private static async Task<IResult> GetAsync(string id, IRequiredActor<ProductRegion> products, IRequiredActor<PushSliceRegion> slices,
        OpenConnections connections, CartonaActorsOptions options, CancellationToken ct)
    {
        if (ProductValidation.ValidateProductId(id) is { } idError) return Results.BadRequest(new { error = idError });
        var state = await products.ActorRef.Ask<ProductState>(new GetProduct(id), AskTimeout, ct);
        if (state.Version == 0) return Results.NotFound(new { error = $"product {id} is not known" });
        var listed = state.Listings.Values.Where(l => connections.Find(l.ConnectionId) is not null).ToList();
        var desired = listed.ToDictionary(l => l.ConnectionId, l => ProductRules.Desired(state, connections.Find(l.ConnectionId)!.Scope), StringComparer.Ordinal);
        // What each connection was sent, confirmed or refused lives in its push slice, not in the product.
        var entries = await Task.WhenAll(listed.Select(l =>
            slices.ActorRef.Ask<PushEntryView>(new GetPushEntry(PushSliceIds.Of(l.ConnectionId, id, options.Sync.PushSlices), id), AskTimeout, ct)));
        var pushes = entries.ToDictionary(e => e.ConnectionId, e => new
        {
            e.Ref, e.WantedVersion, e.Wanted, e.ConfirmedVersion, e.Confirmed, e.RefusedVersion, e.Refusal, e.InFlight, e.Pending,
        }, StringComparer.Ordinal);
        return Results.Ok(new
        {
            state.ProductId, state.Version, state.Price, state.UnlimitedStock, state.StockByWarehouse,
            listings = listed.ToDictionary(l => l.ConnectionId, l => l.Ref, StringComparer.Ordinal),
            state.Holds, desired, pushes,
        });
    }
}
