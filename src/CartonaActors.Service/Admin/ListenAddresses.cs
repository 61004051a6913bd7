namespace CartonaActors.Service.Admin;

/// <summary>The addresses Kestrel is told to listen on, and whether all of them are loopback.</summary>
public sealed record ListenAddresses(IReadOnlyList<string> Urls)
{
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>
    /// <c>urls</c> (also <c>--urls</c> and <c>ASPNETCORE_URLS</c>, which the host maps onto it) and every
    /// <c>Kestrel:Endpoints:*:Url</c>. Kestrel's endpoints replace <c>urls</c> when present; both are taken so a
    /// stale value can only make the check stricter. <c>ASPNETCORE_HTTP_PORTS</c> is not read: the host always
    /// sets <c>urls</c>, which takes precedence over it.
    /// </summary>
    public static ListenAddresses From(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? Default).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>().Where(u => u.Trim().Length > 0);
        return new ListenAddresses([.. urls, .. endpoints]);
    }

    /// <summary>The addresses someone off this host could reach (empty when every one is loopback).</summary>
    public IReadOnlyList<string> OffLoopback => Urls.Where(u => !IsLoopback(u)).ToList();

    /// <summary>Only an explicit loopback address or <c>localhost</c> (which Kestrel binds to loopback alone) counts.
    /// Anything else fails closed: <c>*</c>, <c>+</c>, <c>0.0.0.0</c>, a LAN address, a host name (Kestrel binds
    /// those to every interface), a Unix socket (a proxy in front of it is reachable from anywhere).</summary>
    public static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.IsLoopback;
}
