namespace CartonaActors.Service.Api;

/// <summary>Refused requests outside an endpoint's own checks (the body limit): logged, recorded for the sync
/// log, answered <c>{"error": "..."}</c>, like the endpoints' own refusals.</summary>
public static class Refusals
{
    public static IResult Refuse(HttpContext http, int status, string? subject, string reason)
    {
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Refusals))
            .LogWarning("Refused {Method} {Path}: {Reason}", http.Request.Method, http.Request.Path.Value, reason);
        http.RequestServices.GetRequiredService<InputRefusals>().Refused(subject, reason);
        return Results.Json(new { error = reason }, statusCode: status);
    }
}
