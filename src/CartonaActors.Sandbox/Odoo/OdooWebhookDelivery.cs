namespace CartonaActors.Sandbox.Odoo;

/// <summary>One webhook POST the emulator made (or tried to make).</summary>
/// <param name="Body">The exact body sent.</param>
/// <param name="Status">HTTP status answered; null when no answer (timeout, refused).</param>
/// <param name="Error">Why the POST failed, as Odoo would log it; null on a 2xx answer.</param>
/// <param name="Mode">The transaction's mode (Rollback deliveries announce a change that never commits).</param>
public sealed record OdooWebhookDelivery(
    DateTimeOffset At,
    string Model,
    long RecordId,
    string Url,
    string Body,
    int? Status,
    string? Error,
    WebhookMode Mode);
