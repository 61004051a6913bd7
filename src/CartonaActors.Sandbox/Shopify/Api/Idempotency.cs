using CartonaActors.Sandbox.Shopify.GraphQL;
using CartonaActors.Sandbox.Shopify.Schema;
using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify.Api;

/// <summary>Runs a mutation under its <c>@idempotent(key:)</c> directive, if it has one: replay, refuse a key
/// reused with other arguments, or run and keep the result.</summary>
internal static class Idempotency
{
    public static string? Key(GqlSelection selection) =>
        selection.Directives.TryGetValue("idempotent", out var args) ? args.GetValueOrDefault("key") as string : null;

    public static object Run(GqlSelection selection, GqlContext context, Func<object> run, Func<UserError, object> mismatch)
    {
        var key = Key(selection);
        if (selection.Directives.ContainsKey("idempotent") && string.IsNullOrWhiteSpace(key))
            throw new GqlException("The idempotency key must be a non-empty string.", "BAD_REQUEST", [selection.Key]);
        if (key is null) return run();

        var fingerprint = IdempotencyLedger.Fingerprint(selection.Name, selection.Arguments);
        var kept = context.Ledger.Find(context.RequesterKey, key, context.Now);
        if (kept is not null)
        {
            if (kept.Fingerprint != fingerprint)
            {
                context.Outcome = "user_errors";
                return mismatch(new UserError(null, "The same idempotency key cannot be used with different operation parameters.",
                    "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"));
            }
            context.Counters.Replay();
            context.Outcome = "replayed";
            return kept.Payload;
        }
        var payload = run();
        context.Ledger.Keep(context.RequesterKey, key, fingerprint, payload, context.Now);
        return payload;
    }
}
