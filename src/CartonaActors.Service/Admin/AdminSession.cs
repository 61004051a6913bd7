using System.Security.Cryptography;
using System.Text;
using CartonaActors.Domain.Secrets;

namespace CartonaActors.Service.Admin;

/// <summary>
/// How a browser carries the admin token, which it cannot send as a header when it opens a page: opened once as
/// <c>/?token=&lt;admin token&gt;</c>, a page answers with a session cookie and a redirect to itself without the
/// token (so the token leaves the address bar and the history). The cookie holds a value derived from the token,
/// never the token, and is HttpOnly and SameSite=Strict. A cookie alone opens reads (GET); anything that changes
/// something also needs the <see cref="IntentHeader"/>, which another site's page cannot send here without the
/// CORS permission this service never grants.
/// </summary>
public sealed class AdminSession(string token)
{
    public const string CookieName = "cartona_admin";
    public const string QueryKey = "token";
    public const string IntentHeader = "X-Cartona-Dashboard";

    private readonly string _cookieValue = Convert.ToHexString(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes("cartona-admin-session-v1")));

    /// <summary>The request carries the session cookie and may use it for its method.</summary>
    public bool Admits(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var presented) && SecretComparison.Matches(presented, _cookieValue)
        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.Headers.ContainsKey(IntentHeader));

    /// <summary>A page opened with the right <c>?token=</c>: sets the cookie and sends the browser to the same
    /// address without the token. False (nothing written) for any other request.</summary>
    public bool TryOpen(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<AdminPage>() is null
            || !SecretComparison.Matches(request.Query[QueryKey].FirstOrDefault(), token))
            return false;
        context.Response.Cookies.Append(CookieName, _cookieValue, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = request.IsHttps, Path = "/", IsEssential = true,
        });
        var rest = request.Query.Where(q => q.Key != QueryKey).Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        var query = string.Join("&", rest);
        context.Response.Redirect(request.PathBase + request.Path + (query.Length > 0 ? "?" + query : ""));
        return true;
    }
}

/// <summary>Endpoint metadata: an HTML page of the admin UI, which may be opened with <c>?token=</c> (see
/// <see cref="AdminSession"/>) and answers a refusal as a page.</summary>
public sealed class AdminPage
{
    public static readonly AdminPage Instance = new();

    private AdminPage() { }
}

public static class AdminPageExtensions
{
    public static TBuilder AsAdminPage<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AdminPage.Instance);
}
