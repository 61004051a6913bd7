using CartonaActors.Service.Api;
using CsCheck;

namespace CartonaActors.Service.Tests.Fuzz;

/// <summary>An HTTP ingress as the endpoint data source names it, with the requests it is fuzzed with.</summary>
public sealed record Ingress(string Method, string Route, int Cases, Gen<HostileRequest> Requests, bool OdooSecret = false)
{
    public override string ToString() => $"{Method} {Route}";
}

/// <summary>Every POST and PUT of the service. Paths other than the product's are fixed and valid: what each
/// endpoint does with a known name is covered by its own specs; here it is the body that is hostile.</summary>
public static class Ingresses
{
    public const string Order = "cartona/fuzz-order-1";

    private static Ingress NoBody(string route, string path) =>
        new("POST", route, 25, HostileRequests.To(Gen.Const(path), IngressBodies.Anything, BodyLimits.NoBody));

    public static readonly IReadOnlyList<Ingress> All =
    [
        new("PUT", "/api/products/{id}", 300,
            HostileRequests.To(HostileRequests.ProductIdSegment.Select(id => "/api/products/" + id), IngressBodies.ProductChange, BodyLimits.ProductChange)),
        new("POST", "/webhooks/odoo", 200, HostileRequests.To(Gen.Const("/webhooks/odoo"), IngressBodies.OdooWebhook, BodyLimits.OdooWebhook),
            OdooSecret: true),
        // Unsigned, so refused before anything is read: the signed path is the Shopify specs' business.
        new("POST", "/webhooks/marketplaces/{connection}", 60,
            HostileRequests.To(Gen.Const("/webhooks/marketplaces/cartona"), IngressBodies.Anything, BodyLimits.MarketplaceWebhook)),
        new("POST", "/api/orders/{connection}/{hashedId}/deliver", 120,
            HostileRequests.To(Gen.Const($"/api/orders/{Order}/deliver"), IngressBodies.DeliveryCode, BodyLimits.DeliveryCode)),
        NoBody("/api/orders/{connection}/{hashedId}/retry", $"/api/orders/{Order}/retry"),
        NoBody("/api/connections/{name}/pull-orders", "/api/connections/cartona/pull-orders"),
        NoBody("/api/connections/{name}/test", "/api/connections/cartona/test"),
        NoBody("/api/connections/{name}/sync-all", "/api/connections/cartona/sync-all"),
        NoBody("/api/connections/{name}/pause", "/api/connections/cartona/pause"),
        NoBody("/api/connections/{name}/resume", "/api/connections/cartona/resume"),
        NoBody("/api/products/{id}/push", "/api/products/sku-1/push"),
        NoBody("/api/erp/catalog-load", "/api/erp/catalog-load"),
        NoBody("/api/erp/odoo-setup", "/api/erp/odoo-setup"),
        NoBody("/api/erp/pollers/{model}/poll", "/api/erp/pollers/product.product/poll"),
    ];

    public static Ingress Of(string method, string route) => All.Single(i => i.Method == method && i.Route == route);
}
