using Microsoft.AspNetCore.Http;

namespace CartonaActors.Sandbox.Rest;

internal enum RouteKind
{
    NotFound,
    MethodNotAllowed,
    Inventory,
    Prices,
    OrderFeed,
    OrderStatus,
}

/// <summary>Which endpoint a request is for, decided from method and path alone (before any body is judged).</summary>
/// <param name="OrderId">For <see cref="RouteKind.OrderStatus"/>, the unescaped order id.</param>
/// <param name="Allow">For <see cref="RouteKind.MethodNotAllowed"/>, the method the path takes.</param>
internal readonly record struct RestRoute(RouteKind Kind, string? OrderId = null, string? Allow = null)
{
    /// <summary>Writes are the calls that may, or must, carry an Idempotency-Key.</summary>
    public bool IsWrite => Kind is RouteKind.Inventory or RouteKind.Prices or RouteKind.OrderStatus;

    public bool IsBatch => Kind is RouteKind.Inventory or RouteKind.Prices;

    /// <param name="path">Relative to the base URL, without leading or trailing slash, e.g. <c>v1/orders</c>.</param>
    public static RestRoute Match(string method, string path)
    {
        var post = HttpMethods.IsPost(method);
        if (path == BatchEndpoint.InventoryPath) return post ? new(RouteKind.Inventory) : NotAllowed("POST");
        if (path == BatchEndpoint.PricesPath) return post ? new(RouteKind.Prices) : NotAllowed("POST");
        if (path == OrderEndpoints.FeedPath) return HttpMethods.IsGet(method) ? new(RouteKind.OrderFeed) : NotAllowed("GET");
        if (OrderEndpoints.StatusOrderId(path) is { } id) return post ? new(RouteKind.OrderStatus, id) : NotAllowed("POST");
        return new(RouteKind.NotFound);
    }

    private static RestRoute NotAllowed(string allow) => new(RouteKind.MethodNotAllowed, Allow: allow);
}
