using CartonaActors.Domain.Secrets;

namespace CartonaActors.Service.Admin;

/// <summary>
/// Answers 401 to any request without <c>Authorization: Bearer &lt;admin token&gt;</c>, except at endpoints marked
/// <see cref="AdminTokenExempt"/> and for a browser holding the dashboard's session (<see cref="AdminSession"/>).
/// Runs after routing (so it sees the endpoint) and before any endpoint runs.
/// </summary>
public sealed class AdminTokenGuard(string token, ILogger<AdminTokenGuard> log)
{
    private readonly AdminSession _session = new(token);

    private const string Scheme = "Bearer";
    private const string Refusal = "missing or wrong admin token: send 'Authorization: Bearer <" + AdminAccess.TokenKey + ">'";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AdminTokenExempt>() is not null
            || SecretComparison.Matches(Presented(context.Request), token) || _session.Admits(context.Request))
        {
            await next(context);
            return;
        }
        if (_session.TryOpen(context)) return;
        // Neither the presented value nor the query string is logged: either may be close to a secret. The path is,
        // and the log's SecretScrubbingEnricher masks the token should a client have put it there.
        log.LogWarning("Refused {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path.Value, Refusal);
        context.Response.Headers.WWWAuthenticate = Scheme;
        if (context.GetEndpoint()?.Metadata.GetMetadata<AdminPage>() is not null)
        {
            await Results.Content(RefusalPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }
        await Results.Json(new { error = Refusal }, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
    }

    private const string RefusalPage =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Admin token required</title></head><body>" +
        "<h1>Admin token required</h1><p>Open this page once as <code>?" + AdminSession.QueryKey + "=&lt;admin token&gt;</code> " +
        "(the value of " + AdminAccess.TokenKey + "); the browser then keeps a session cookie and the token leaves the address.</p></body></html>";

    /// <summary>The bearer credential of the request's one Authorization header (scheme case-insensitive, RFC 7235).</summary>
    private static string? Presented(HttpRequest request) =>
        request.Headers.Authorization is { Count: 1 } header && header[0] is { } value
        && value.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase)
            ? value[(Scheme.Length + 1)..].Trim()
            : null;
}

public static class AdminTokenGuardExtensions
{
    /// <summary>Installs the guard when <paramref name="access"/> requires a token; an open admin API adds nothing.</summary>
    public static void UseAdminToken(this WebApplication app, AdminAccess access)
    {
        if (access.Open) return;
        var guard = new AdminTokenGuard(access.RequiredToken!, app.Services.GetRequiredService<ILogger<AdminTokenGuard>>());
        app.Use(guard.InvokeAsync);
    }
}
