using CartonaActors.Domain.Secrets;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Erp;

/// <summary>The production Odoo reader: JSON-RPC today; the JSON-2 transport (Odoo 19+) plugs in here.</summary>
public static class OdooCatalogFactory
{
    public static IOdooCatalog Create(OdooSettings settings)
    {
        Validate(settings);
        return new OdooCatalog(new OdooJsonRpcTransport(settings), settings);
    }

    public static IOdooSales CreateSales(OdooSettings settings)
    {
        Validate(settings);
        return new OdooSales(new OdooJsonRpcTransport(settings), settings);
    }

    private static void Validate(OdooSettings settings)
    {
        if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"CartonaActors:Odoo:Url '{SecretScrubber.SafeUrl(settings.Url)}' must be an absolute http(s) URL");
        if (string.IsNullOrWhiteSpace(settings.Database) || string.IsNullOrWhiteSpace(settings.Login) || string.IsNullOrWhiteSpace(settings.ApiKey))
            throw new ArgumentException("CartonaActors:Odoo needs Database, Login and ApiKey (set the key through CartonaActors__Odoo__ApiKey)");
    }
}
